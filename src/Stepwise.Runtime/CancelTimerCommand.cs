namespace Stepwise.Runtime;

/// <summary>Cancel a timer that is no longer needed (its firing would be ignored anyway).</summary>
public sealed record CancelTimerCommand(long TimerId) : ExecutionCommand;
