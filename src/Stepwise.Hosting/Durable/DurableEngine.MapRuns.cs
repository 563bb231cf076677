using System.Collections.Concurrent;
using Stepwise.Hosting.MapRuns;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.JsonPath;
using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The Map Runs of distributed Map states: a step that starts one enqueues <see cref="WorkKinds.MapRun"/> work, whose
/// handler runs a <see cref="MapRunCoordinator"/> in the background, holding no dispatcher slot but the item's lease
/// (renewed while it runs), and answers the parent with the step that completes the item. STANDARD children are
/// durable executions, EXPRESS ones run in memory. After a crash the item comes back and the run starts again: its
/// STANDARD children are found by name (those that ended are not run again), EXPRESS ones run again (at least once).
/// The run's record lives in the store (<see cref="IStepwiseStore.MapRuns"/>), which ListMapRuns and DescribeMapRun read.
/// </summary>
public sealed partial class DurableEngine
{
    private readonly ConcurrentDictionary<string, HostedMapRun> _mapRuns = new(StringComparer.Ordinal);
    private DurableMapRunChildren? _mapRunChildren;

    /// <summary>How often a running Map Run's record is written to the store (its counts), besides its start and end.</summary>
    private static readonly TimeSpan s_mapRunProgressInterval = TimeSpan.FromSeconds(1);

    private void RegisterMapRuns()
    {
        _dispatcher.RegisterWork(WorkKinds.MapRun, StartMapRunAsync);
        _dispatcher.RegisterWork(WorkKinds.StopMapRun, StopMapRunAsync);
        MapRunChildEvents = MapRunChildren;
    }

    /// <summary>The map runs of the execution, oldest first, as the store keeps them (a run this process runs, as it is now).</summary>
    /// <exception cref="ResourceNotFoundException">The execution does not exist.</exception>
    public async Task<IReadOnlyList<MapRunRecord>> ListMapRunsAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        _ = await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.Execution, executionArn);
        var described = new List<MapRunRecord>();
        string? token = null;
        do
        {
            var page = await _store.MapRuns.ListAsync(executionArn, new PageRequest(MapRunPageSize, token), cancellationToken).ConfigureAwait(false);
            foreach (var run in page.Items)
            {
                described.Add(_mapRuns.TryGetValue(run.MapRunArn, out var hosted) ? hosted.Describe() : run);
            }

            token = page.NextToken;
        }
        while (token is not null);

        return described;
    }

    private const int MapRunPageSize = 100;

    /// <summary>The map run <paramref name="mapRunArn"/> names, or null when no execution has it.</summary>
    public async Task<MapRunRecord?> DescribeMapRunAsync(string mapRunArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        if (_mapRuns.TryGetValue(mapRunArn, out var hosted))
        {
            return hosted.Describe();
        }

        return await _store.MapRuns.GetAsync(mapRunArn, cancellationToken).ConfigureAwait(false) is { } run ? run : null;
    }

    /// <summary>
    /// Changes the limits of a running map run (a null argument keeps the run's value): a higher MaxConcurrency starts
    /// queued children at once, the thresholds judge the next failure. Returns the run as it is afterwards.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">No execution has the map run.</exception>
    /// <exception cref="InvalidOperationException">The map run is no longer running.</exception>
    public async Task<MapRunRecord> UpdateMapRunAsync(string mapRunArn, long? maxConcurrency, long? toleratedFailureCount,
        double? toleratedFailurePercentage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        var described = await DescribeMapRunAsync(mapRunArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.MapRun, mapRunArn);
        if (!string.Equals(described.Status, MapRunStatuses.Running, StringComparison.Ordinal) || !_mapRuns.TryGetValue(mapRunArn, out var run))
        {
            throw new InvalidOperationException($"Map run {mapRunArn} is {described.Status}: only a running map run can be updated.");
        }

        run.Coordinator.Update(maxConcurrency, toleratedFailureCount, toleratedFailurePercentage);
        await SaveMapRunAsync(run, cancellationToken).ConfigureAwait(false);
        return run.Describe();
    }

    /// <summary>Writes the run's record as it is now (its counts and limits), and the results it keeps for a redrive once it failed.</summary>
    private ValueTask SaveMapRunAsync(HostedMapRun run, CancellationToken cancellationToken) =>
        _store.MapRuns.UpdateAsync(run.Coordinator.Describe(run.ExecutionArn, run.StateMachineArn), run.Coordinator.TakeKeptResults(), cancellationToken);

    /// <summary>
    /// Starts the run in the background (once: a redelivered item finds it running here), keeping the item's lease; the
    /// step that answers the parent completes it.
    /// </summary>
    private async Task<LeasedWorkItem?> StartMapRunAsync(LeasedWorkItem item, CancellationToken cancellationToken)
    {
        var command = MapRunWork.ReadStart(item.Item.Payload);
        string parentArn = item.Item.ExecutionArn!;
        if (_mapRuns.ContainsKey(command.MapRunArn))
        {
            return null;
        }

        var parent = await _store.Executions.GetSnapshotAsync(parentArn, cancellationToken).ConfigureAwait(false) is { } stored
            ? DurableSnapshot.Deserialize(stored.Json)
            : null;
        if (parent?.Snapshot is not { IsFinished: false })
        {
            // Nothing waits on the run any more (a redelivery after the parent ended).
            await _store.Work.CompleteAsync(item.Lease, cancellationToken).ConfigureAwait(false);
            return null;
        }

        // A parent that is itself a STANDARD child of a Map Run carries its definition in its header.
        var machine = await _definitions.GetAsync(parent.Header, cancellationToken).ConfigureAwait(false);
        var integrations = _options.Integrations ?? new IntegrationsConfiguration();
        var coordinator = new MapRunCoordinator(command, machine, MapRunChildren, ItemIO.CreateItemSource(integrations, _options.Region, _time),
            ItemIO.CreateResultSink(integrations, _options.Region, _time), _time, _options.MaxPayloadBytes,
            StableHash.ToSeed(StableHash.Of(command.MapRunArn)));
        var run = new HostedMapRun(coordinator, parentArn, command.ItemScope.Info.StateMachineArn);
        if (!_mapRuns.TryAdd(command.MapRunArn, run))
        {
            run.Dispose();
            return null;
        }

        try
        {
            await _store.MapRuns.CreateAsync(coordinator.Describe(parentArn, run.StateMachineArn), cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceAlreadyExistsException)
        {
            // The run started before a crash, or the parent's redrive runs it again: it goes on under the same record.
            if (await _store.MapRuns.GetAsync(command.MapRunArn, cancellationToken).ConfigureAwait(false) is { } previous)
            {
                coordinator.Continue(previous);
                if (command.RedriveCount > 0)
                {
                    coordinator.Reuse(_store.MapRuns.ReadResultsAsync(command.MapRunArn, CancellationToken.None));
                }

                await _store.MapRuns.UpdateAsync(coordinator.Describe(parentArn, run.StateMachineArn), [], cancellationToken).ConfigureAwait(false);
            }
        }

        _ = RunHostedMapRunAsync(run, item.Lease);
        return null;
    }

    private DurableMapRunChildren MapRunChildren => _mapRunChildren ??= new DurableMapRunChildren(this, new InMemoryMapRunChildren(_tasks,
        new StepwiseEngineOptions
        {
            Region = _options.Region,
            AccountId = _options.AccountId,
            Time = _time,
            MaxPayloadBytes = _options.MaxPayloadBytes,
            Integrations = _options.Integrations,
        },
        _time, fastTime: false, new TaskTokenRoutes(), mockTestCase: null), _time);

    /// <summary>Runs a hosted run to its end (renewing its item's lease and saving its record meanwhile) and answers its parent with a step.</summary>
    private async Task RunHostedMapRunAsync(HostedMapRun run, WorkLease lease)
    {
        using var progress = new CancellationTokenSource();
        var keeping = KeepMapRunAsync(run, lease, progress.Token);
        Stimulus answer;
        try
        {
            answer = await run.Coordinator.RunAsync(run.Stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
            await progress.CancelAsync().ConfigureAwait(false);
            await keeping.ConfigureAwait(false);
            if (run.Abandoned)
            {
                // The parent stopped waiting: the run ends aborted. On a shutdown it is left running in the store,
                // and its lease lapses so that the next process resumes it.
                await SaveMapRunQuietlyAsync(run).ConfigureAwait(false);
                await _store.Work.CompleteAsync(lease, CancellationToken.None).ConfigureAwait(false);
            }

            _mapRuns.TryRemove(run.Coordinator.MapRunArn, out _);
            return;
        }
#pragma warning disable CA1031 // A fault of the run fails the parent's Map state instead of leaving it waiting forever.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _dispatcher.OnError?.Invoke(e);
            answer = new MapRunFailedStimulus(run.Coordinator.MapRunArn, StatesErrors.Runtime, e.Message);
        }

        await progress.CancelAsync().ConfigureAwait(false);
        await keeping.ConfigureAwait(false);
        await SaveMapRunQuietlyAsync(run).ConfigureAwait(false);

        // The store answers for the run from now on.
        _mapRuns.TryRemove(run.Coordinator.MapRunArn, out _);
        run.Dispose();
        try
        {
            var outcome = await _runner.StepAsync(run.ExecutionArn, answer, lease, 0, _dispatcher.Claim(held: 0), CancellationToken.None)
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

    /// <summary>While the run runs: renews its item's lease (a third of the lease duration) and saves its record (<see cref="s_mapRunProgressInterval"/>).</summary>
    private async Task KeepMapRunAsync(HostedMapRun run, WorkLease lease, CancellationToken cancellationToken)
    {
        var every = TimeSpan.FromTicks(Math.Min(s_mapRunProgressInterval.Ticks, _options.LeaseDuration.Ticks / 3));
        try
        {
            while (true)
            {
                await Task.Delay(every, _time, cancellationToken).ConfigureAwait(false);
                await _store.Work.RenewAsync(lease, _time.GetUtcNow(), _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
                await SaveMapRunAsync(run, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended.
        }
#pragma warning disable CA1031 // A failed renewal or save is reported; the run goes on (its end writes the record again).
        catch (Exception e)
#pragma warning restore CA1031
        {
            _dispatcher.OnError?.Invoke(e);
        }
    }

    private async Task SaveMapRunQuietlyAsync(HostedMapRun run)
    {
        try
        {
            await SaveMapRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reported; the parent is still answered.
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
            run.Abandoned = true;
            await run.Stop.CancelAsync().ConfigureAwait(false);
        }

        await _store.Work.CompleteAsync(item.Lease, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>True once this process shuts down: its runs stop here, but their durable children go on (they resume with the runs).</summary>
    internal bool ShuttingDown { get; private set; }

    /// <summary>Stops the runs this process hosts (shutdown); the next process resumes them.</summary>
    private async Task StopMapRunsAsync()
    {
        ShuttingDown = true;
        foreach (var run in _mapRuns.Values)
        {
            await run.Stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
