namespace Stepwise.Runtime;

/// <summary>
/// Start a timer that fires <see cref="TimerFiredStimulus"/> at <paramref name="DueTime"/>. <paramref name="IsWait"/> marks
/// a Wait state's timer (a host may scale those, as Step Functions Local's <c>WAIT_TIME_SCALE</c> does); the others are
/// retry intervals and timeouts.
/// </summary>
public sealed record StartTimerCommand(long TimerId, DateTimeOffset DueTime, bool IsWait = false) : ExecutionCommand;
