namespace Stepwise.Runtime;

/// <summary>Start a timer that fires <see cref="TimerFiredStimulus"/> at <paramref name="DueTime"/>.</summary>
public sealed record StartTimerCommand(long TimerId, DateTimeOffset DueTime) : ExecutionCommand;
