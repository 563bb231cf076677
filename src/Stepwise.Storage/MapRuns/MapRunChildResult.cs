namespace Stepwise.Storage.MapRuns;

/// <summary>
/// The outcome of one child of a Map Run (an item, or a batch of items, by its position), as the coordinator recorded
/// it for resuming, redriving and assembling the run's output.
/// </summary>
/// <param name="Index">The child's position in the run, from 0; the key within the run.</param>
/// <param name="Status">The child's status, as the coordinator words it (an execution status such as <c>SUCCEEDED</c>).</param>
/// <param name="ExecutionArn">The child execution's ARN, when it ran as one.</param>
/// <param name="Output">The child's output, JSON text, when it succeeded.</param>
/// <param name="Error">The error, when it failed.</param>
/// <param name="Cause">The cause, when it failed.</param>
public sealed record MapRunChildResult(long Index, string Status, string? ExecutionArn, string? Output, string? Error, string? Cause);
