namespace Stepwise.Runtime.Decisions;

/// <summary>Why a timer was started.</summary>
internal enum TimerPurpose
{
    Wait,
    Retry,
    TaskTimeout,
    HeartbeatTimeout,
    ExecutionTimeout,
}
