namespace Stepwise.Runtime;

/// <summary>Forget a task that is no longer awaited (its branch was aborted or it timed out).</summary>
public sealed record CancelTaskCommand(long TaskId) : ExecutionCommand;
