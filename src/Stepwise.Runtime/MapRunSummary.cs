namespace Stepwise.Runtime;

/// <summary>
/// One map run of a distributed Map state as DescribeMapRun reports it: its limits and what its items did so far.
/// The interpreter keeps one per map run in <see cref="ExecutionSnapshot.MapRuns"/>; the counts are of items, each run
/// as one child execution.
/// </summary>
/// <param name="MapRunArn">The run's ARN, as its MapRunStarted event records it.</param>
/// <param name="StartDate">When the run started.</param>
public sealed record MapRunSummary(string MapRunArn, DateTimeOffset StartDate)
{
    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>One of <see cref="MapRunStatuses"/>.</summary>
    public string Status { get; init; } = MapRunStatuses.Running;

    /// <summary>How many child executions may run at once; 0 means no limit (up to AWS's 10,000).</summary>
    public long MaxConcurrency { get; init; }

    /// <summary>The failures tolerated before the run fails; -1 when the state sets none.</summary>
    public long ToleratedFailureCount { get; init; } = -1;

    /// <summary>The percentage of failures tolerated before the run fails; -1 when the state sets none.</summary>
    public double ToleratedFailurePercentage { get; init; } = -1;

    /// <summary>How many items the run has.</summary>
    public int Total { get; init; }

    /// <summary>Items whose child execution is running.</summary>
    public int Running { get; init; }

    /// <summary>Items whose child execution succeeded (a redrive's carried results included).</summary>
    public int Succeeded { get; init; }

    /// <summary>Items whose child execution failed.</summary>
    public int Failed { get; init; }

    /// <summary>Items whose child execution was aborted when the run failed or the execution stopped.</summary>
    public int Aborted { get; init; }

    /// <summary>Items not started yet.</summary>
    public int Pending => Total - Running - Succeeded - Failed - Aborted;
}
