using Stepwise.Hosting.MapRuns;

namespace Stepwise.Hosting;

/// <summary>A Map Run as DescribeMapRun answers it, with the execution whose distributed Map state runs it.</summary>
/// <param name="MapRunArn">The run.</param>
/// <param name="ExecutionArn">The execution that owns the run.</param>
/// <param name="StateMachineArn">That execution's state machine.</param>
/// <param name="Status">One of <see cref="Runtime.MapRunStatuses"/>.</param>
/// <param name="StartDate">When the run started.</param>
/// <param name="StopDate">When it ended; null while it runs.</param>
/// <param name="MaxConcurrency">How many children may run at once.</param>
/// <param name="ToleratedFailureCount">The failed items tolerated; -1 when unset.</param>
/// <param name="ToleratedFailurePercentage">The percentage of failed items tolerated; -1 when unset.</param>
/// <param name="ItemCounts">The items' counts.</param>
/// <param name="ExecutionCounts">The child executions' counts.</param>
/// <param name="RedriveCount">How many times the run was redriven.</param>
/// <param name="RedriveDate">When it was last redriven.</param>
public sealed record MapRunDescription(string MapRunArn, string ExecutionArn, string StateMachineArn, string Status, DateTimeOffset StartDate,
    DateTimeOffset? StopDate, long MaxConcurrency, long ToleratedFailureCount, double ToleratedFailurePercentage, MapRunTally ItemCounts,
    MapRunTally ExecutionCounts, int RedriveCount = 0, DateTimeOffset? RedriveDate = null);
