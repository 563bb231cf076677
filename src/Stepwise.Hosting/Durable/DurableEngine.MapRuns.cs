using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;

namespace Stepwise.Hosting.Durable;

/// <summary>The map runs of distributed Map states: ListMapRuns, DescribeMapRun, UpdateMapRun.</summary>
public sealed partial class DurableEngine
{
    private const int MapRunSearchPageSize = 100;

    /// <summary>The map runs of the execution, oldest first, read from its stored snapshot.</summary>
    /// <exception cref="ResourceNotFoundException">The execution does not exist.</exception>
    public async Task<IReadOnlyList<MapRunDescription>> ListMapRunsAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        var record = await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.Execution, executionArn);
        var runs = await ReadMapRunsAsync(executionArn, cancellationToken).ConfigureAwait(false);
        var described = new List<MapRunDescription>(runs.Count);
        foreach (var run in runs)
        {
            described.Add(new MapRunDescription(record.ExecutionArn, record.StateMachineArn, run));
        }

        return described;
    }

    /// <summary>
    /// The map run <paramref name="mapRunArn"/> names, or null when no execution has it. A map run ARN names its state
    /// machine (<c>…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>) but not its execution, so this reads the snapshots
    /// of that machine's executions, newest first.
    /// </summary>
    public async Task<MapRunDescription?> DescribeMapRunAsync(string mapRunArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        int type = mapRunArn.IndexOf(":mapRun:", StringComparison.Ordinal);
        int slash = mapRunArn.IndexOf('/', StringComparison.Ordinal);
        if (type < 0 || slash < type)
        {
            return null;
        }

        // A run of an execution started through a version or alias names the qualified machine; executions are listed
        // under the unqualified one.
        var machineName = mapRunArn.AsSpan(type + 8, slash - type - 8);
        int qualifier = machineName.IndexOf(':');
        if (qualifier >= 0)
        {
            machineName = machineName[..qualifier];
        }

        string machineArn = string.Concat(mapRunArn.AsSpan(0, type), ":stateMachine:", machineName);
        string? token = null;
        do
        {
            var page = await _store.Executions.ListAsync(machineArn, null, new PageRequest(MapRunSearchPageSize, token), cancellationToken)
                .ConfigureAwait(false);
            foreach (var execution in page.Items)
            {
                foreach (var run in await ReadMapRunsAsync(execution.ExecutionArn, cancellationToken).ConfigureAwait(false))
                {
                    if (string.Equals(run.MapRunArn, mapRunArn, StringComparison.Ordinal))
                    {
                        return new MapRunDescription(execution.ExecutionArn, execution.StateMachineArn, run);
                    }
                }
            }

            token = page.NextToken;
        }
        while (token is not null);

        return null;
    }

    /// <summary>
    /// Changes the limits of a running map run (a null argument keeps the run's value); the iterations started from
    /// now on obey them. Returns the run as it is afterwards.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">No execution has the map run.</exception>
    /// <exception cref="InvalidOperationException">The map run is no longer running.</exception>
    public async Task<MapRunDescription> UpdateMapRunAsync(string mapRunArn, long? maxConcurrency, long? toleratedFailureCount,
        double? toleratedFailurePercentage, CancellationToken cancellationToken = default)
    {
        var found = await DescribeMapRunAsync(mapRunArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.MapRun, mapRunArn);
        if (!string.Equals(found.Run.Status, MapRunStatuses.Running, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Map run {mapRunArn} is {found.Run.Status}: only a running map run can be updated.");
        }

        // The execution's lock orders this step after any that ended the run meanwhile; Decide then throws.
        var outcome = await _runner.StepAsync(found.ExecutionArn,
            new MapRunUpdateRequestedStimulus(mapRunArn, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage), null, 0,
            _dispatcher.Claim(held: 0), cancellationToken).ConfigureAwait(false);
        _dispatcher.AfterStep(found.ExecutionArn, outcome);
        return (await DescribeMapRunAsync(mapRunArn, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<IReadOnlyList<MapRunSummary>> ReadMapRunsAsync(string executionArn, CancellationToken cancellationToken)
    {
        var stored = await _store.Executions.GetSnapshotAsync(executionArn, cancellationToken).ConfigureAwait(false);
        return stored is null ? [] : DurableSnapshot.Deserialize(stored.Json).Snapshot.MapRuns;
    }
}
