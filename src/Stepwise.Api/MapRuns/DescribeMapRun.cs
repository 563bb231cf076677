namespace Stepwise.Api.MapRuns;

/// <summary>The <c>DescribeMapRun</c> request.</summary>
public sealed record DescribeMapRunRequest(string? MapRunArn = null);

/// <summary>The <c>DescribeMapRun</c> response.</summary>
public sealed record DescribeMapRunResponse
{
    public required string MapRunArn { get; init; }
    public required string ExecutionArn { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public DateTimeOffset? StopDate { get; init; }
    public required long MaxConcurrency { get; init; }
    public required double ToleratedFailurePercentage { get; init; }
    public required long ToleratedFailureCount { get; init; }
    public required MapRunCounts ItemCounts { get; init; }
    public required MapRunCounts ExecutionCounts { get; init; }
    public required int RedriveCount { get; init; }
    public DateTimeOffset? RedriveDate { get; init; }
}

/// <summary>
/// A map run's items (<c>itemCounts</c>) or child executions (<c>executionCounts</c>) per status. Stepwise runs one
/// child execution per item, so both carry the same numbers.
/// </summary>
public sealed record MapRunCounts(
    long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted, long Total, long ResultsWritten,
    long FailuresNotRedrivable, long PendingRedrive);
