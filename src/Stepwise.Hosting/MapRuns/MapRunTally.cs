namespace Stepwise.Hosting.MapRuns;

/// <summary>
/// DescribeMapRun's <c>itemCounts</c> or <c>executionCounts</c>: how many items (or child executions) are pending,
/// running, and ended each way so far. <see cref="Total"/> grows while an ItemReader reads.
/// </summary>
/// <param name="Pending">Read but not started yet.</param>
/// <param name="Running">In a running child.</param>
/// <param name="Succeeded">In a child that succeeded.</param>
/// <param name="Failed">In a child that failed.</param>
/// <param name="TimedOut">In a child that timed out.</param>
/// <param name="Aborted">In a child that was aborted.</param>
/// <param name="Total">Every item (child) so far.</param>
/// <param name="ResultsWritten">Handed to the ResultWriter (or kept for the output).</param>
public sealed record MapRunTally(long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted, long Total, long ResultsWritten);
