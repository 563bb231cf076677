namespace Stepwise.Runtime;

/// <summary>How an execution ended.</summary>
public enum ExecutionOutcome
{
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}
