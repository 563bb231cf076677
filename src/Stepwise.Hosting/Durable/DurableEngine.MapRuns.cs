using System.Collections.Concurrent;
using Stepwise.Hosting.MapRuns;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.JsonPath;
using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The Map Runs of distributed Map states: a step that starts one enqueues <see cref="WorkKinds.MapRun"/> work, whose
/// handler runs a <see cref="MapRunCoordinator"/> in the background (holding no dispatcher slot) and answers the
/// parent with a step when the run ends. Children run in memory. ListMapRuns, DescribeMapRun and UpdateMapRun read
/// and change the runs this process hosts.
/// </summary>
public sealed partial class DurableEngine
{
    private readonly ConcurrentDictionary<string, HostedMapRun> _mapRuns = new(StringComparer.Ordinal);
    private long _mapRunSequence;
    private InMemoryMapRunChildren? _mapRunChildren;

    private void RegisterMapRuns()
    {
        _dispatcher.RegisterWork(WorkKinds.MapRun, StartMapRunAsync);
        _dispatcher.RegisterWork(WorkKinds.StopMapRun, StopMapRunAsync);
    }

    /// <summary>The map runs of the execution, oldest first.</summary>
    /// <exception cref="ResourceNotFoundException">The execution does not exist.</exception>
    public async Task<IReadOnlyList<MapRunDescription>> ListMapRunsAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        _ = await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.Execution, executionArn);
        var runs = new List<HostedMapRun>();
        foreach (var run in _mapRuns.Values)
        {
            if (string.Equals(run.ExecutionArn, executionArn, StringComparison.Ordinal))
            {
                runs.Add(run);
            }
        }

        runs.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        var described = new List<MapRunDescription>(runs.Count);
        foreach (var run in runs)
        {
            described.Add(run.Describe());
        }

        return described;
    }

    /// <summary>The map run <paramref name="mapRunArn"/> names, or null when no execution has it.</summary>
    public Task<MapRunDescription?> DescribeMapRunAsync(string mapRunArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        return Task.FromResult(_mapRuns.TryGetValue(mapRunArn, out var run) ? run.Describe() : null);
    }

    /// <summary>
    /// Changes the limits of a running map run (a null argument keeps the run's value): a higher MaxConcurrency starts
    /// queued children at once, the thresholds judge the next failure. Returns the run as it is afterwards.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">No execution has the map run.</exception>
    /// <exception cref="InvalidOperationException">The map run is no longer running.</exception>
    public Task<MapRunDescription> UpdateMapRunAsync(string mapRunArn, long? maxConcurrency, long? toleratedFailureCount,
        double? toleratedFailurePercentage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        if (!_mapRuns.TryGetValue(mapRunArn, out var run))
        {
            throw new ResourceNotFoundException(ResourceKinds.MapRun, mapRunArn);
        }

        var described = run.Describe();
        if (!string.Equals(described.Status, MapRunStatuses.Running, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Map run {mapRunArn} is {described.Status}: only a running map run can be updated.");
        }

        run.Coordinator.Update(maxConcurrency, toleratedFailureCount, toleratedFailurePercentage);
        return Task.FromResult(run.Describe());
    }

    /// <summary>Starts the run in the background (once: a redelivered item finds it running) and completes the work item.</summary>
    private async Task<LeasedWorkItem?> StartMapRunAsync(LeasedWorkItem item, CancellationToken cancellationToken)
    {
        var command = MapRunWork.ReadStart(item.Item.Payload);
        string parentArn = item.Item.ExecutionArn!;
        if (!_mapRuns.ContainsKey(command.MapRunArn)
            && await _store.Executions.GetSnapshotAsync(parentArn, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            var header = DurableSnapshot.Deserialize(stored.Json).Header;
            var machine = await _definitions.GetAsync(header.StateMachineArn, header.RevisionId, cancellationToken).ConfigureAwait(false);
            var integrations = _options.Integrations ?? new IntegrationsConfiguration();
            var coordinator = new MapRunCoordinator(command, machine, MapRunChildren, ItemIO.CreateItemSource(integrations, _options.Region, _time),
                ItemIO.CreateResultSink(integrations, _options.Region, _time), _time, _options.MaxPayloadBytes,
                StableHash.ToSeed(StableHash.Of(command.MapRunArn)));
            var run = new HostedMapRun(coordinator, parentArn, command.ItemScope.Info.StateMachineArn, Interlocked.Increment(ref _mapRunSequence));
            if (_mapRuns.TryAdd(command.MapRunArn, run))
            {
                _ = RunHostedMapRunAsync(run);
            }
            else
            {
                run.Dispose();
            }
        }

        await _store.Work.CompleteAsync(item.Lease, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private InMemoryMapRunChildren MapRunChildren => _mapRunChildren ??= new InMemoryMapRunChildren(_tasks,
        new StepwiseEngineOptions
        {
            Region = _options.Region,
            AccountId = _options.AccountId,
            Time = _time,
            MaxPayloadBytes = _options.MaxPayloadBytes,
            Integrations = _options.Integrations,
        },
        _time, fastTime: false, new TaskTokenRoutes(), mockTestCase: null);

    /// <summary>Runs a hosted run to its end and answers its parent with a step.</summary>
    private async Task RunHostedMapRunAsync(HostedMapRun run)
    {
        Stimulus answer;
        try
        {
            answer = await run.Coordinator.RunAsync(run.Stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A fault of the run fails the parent's Map state instead of leaving it waiting forever.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _dispatcher.OnError?.Invoke(e);
            answer = new MapRunFailedStimulus(run.Coordinator.MapRunArn, StatesErrors.Runtime, e.Message);
        }

        try
        {
            var outcome = await _runner.StepAsync(run.ExecutionArn, answer, null, 0, _dispatcher.Claim(held: 0), CancellationToken.None)
                .ConfigureAwait(false);
            _dispatcher.AfterStep(run.ExecutionArn, outcome);
        }
#pragma warning disable CA1031 // Reported, as the dispatcher reports a failed background step.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _dispatcher.OnError?.Invoke(e);
        }
    }

    /// <summary>The parent no longer waits on the run: abort its children.</summary>
    private async Task<LeasedWorkItem?> StopMapRunAsync(LeasedWorkItem item, CancellationToken cancellationToken)
    {
        if (_mapRuns.TryGetValue(MapRunWork.ReadStop(item.Item.Payload), out var run))
        {
            await run.Stop.CancelAsync().ConfigureAwait(false);
        }

        await _store.Work.CompleteAsync(item.Lease, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Aborts the runs this process hosts (shutdown).</summary>
    private async Task StopMapRunsAsync()
    {
        foreach (var run in _mapRuns.Values)
        {
            await run.Stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
