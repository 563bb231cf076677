namespace Stepwise.Storage.MapRuns;

/// <summary>
/// What the store keeps about one Map Run of a distributed Map state: what <c>DescribeMapRun</c> and
/// <c>ListMapRuns</c> report, plus the coordinator's resumable progress. Every provider keeps instants exactly.
/// </summary>
public sealed record MapRunRecord
{
    /// <summary>The Map Run ARN (<c>arn:aws:states:…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>); the store's key.</summary>
    public required string MapRunArn { get; init; }

    /// <summary>The ARN of the parent execution whose Map state started the run.</summary>
    public required string ExecutionArn { get; init; }

    /// <summary>The parent's state machine ARN, unqualified.</summary>
    public required string StateMachineArn { get; init; }

    /// <summary>One of <c>RUNNING</c>, <c>SUCCEEDED</c>, <c>FAILED</c>, <c>ABORTED</c> (the runtime's <c>MapRunStatuses</c>).</summary>
    public required string Status { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartDate { get; init; }

    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>How many child executions may run at once.</summary>
    public required long MaxConcurrency { get; init; }

    /// <summary>How many failed items the run tolerates; -1 when not set.</summary>
    public required long ToleratedFailureCount { get; init; }

    /// <summary>Which percentage of failed items the run tolerates; -1 when not set.</summary>
    public required double ToleratedFailurePercentage { get; init; }

    /// <summary>The item counters.</summary>
    public required MapRunCounts ItemCounts { get; init; }

    /// <summary>The child execution counters.</summary>
    public required MapRunCounts ExecutionCounts { get; init; }

    /// <summary>How many times the run was redriven; 0 before the first.</summary>
    public int RedriveCount { get; init; }

    /// <summary>When the run was last redriven; null if it never was.</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>The coordinator's own resumable state, JSON text the store keeps as it is; null before the first write.</summary>
    public string? Progress { get; init; }
}
