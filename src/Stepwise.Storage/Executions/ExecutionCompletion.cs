namespace Stepwise.Storage.Executions;

/// <summary>
/// How a step ended its execution: the new status (not <see cref="ExecutionStatuses.Running"/>), when, and the output
/// or error and cause.
/// </summary>
public sealed record ExecutionCompletion(string Status, DateTimeOffset StopDate, string? Output = null, string? Error = null, string? Cause = null);
