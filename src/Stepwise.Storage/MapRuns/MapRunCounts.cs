namespace Stepwise.Storage.MapRuns;

/// <summary>
/// One set of a Map Run's counters, as <c>DescribeMapRun</c> reports them in <c>itemCounts</c> and <c>executionCounts</c>.
/// Every count is at least 0; <paramref name="Total"/> is the number of items (or child executions) the run has seen.
/// </summary>
/// <param name="Pending">Not started yet.</param>
/// <param name="Running">Started and not finished.</param>
/// <param name="Succeeded">Finished successfully.</param>
/// <param name="Failed">Finished with a failure.</param>
/// <param name="TimedOut">Timed out.</param>
/// <param name="Aborted">Aborted (the run or its parent stopped).</param>
/// <param name="Total">All of them.</param>
/// <param name="ResultsWritten">Results the ResultWriter has written (0 without one).</param>
/// <param name="FailuresNotRedrivable">Failures a redrive will not rerun.</param>
/// <param name="PendingRedrive">Failures waiting for a redrive to rerun them.</param>
public sealed record MapRunCounts(long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted,
    long Total, long ResultsWritten, long FailuresNotRedrivable = 0, long PendingRedrive = 0);
