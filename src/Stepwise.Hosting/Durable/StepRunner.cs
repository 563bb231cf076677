using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// Runs one step of a stored execution: load the snapshot, decide, commit snapshot + events + timers + work in one
/// transaction. A step that loses a race (another writer committed first) is decided again on the fresh snapshot;
/// a step interrupted before its commit left nothing behind, so doing it again is exact. A step that dispatched a task on
/// this node leaves its snapshot in <paramref name="snapshots"/>, where the task's result step finds it.
/// </summary>
internal sealed class StepRunner(IStepwiseStore store, DefinitionCache definitions, ExecutionLocks locks, TimeProvider time, int maxPayloadBytes,
    SnapshotCache snapshots, double waitTimeScale = 1)
{
    private const int MaxAttempts = 16;

    /// <summary>
    /// Applies <paramref name="stimulus"/> and commits; completes <paramref name="lease"/>, cancels <paramref name="firedTimerId"/>
    /// and drops <paramref name="answeredToken"/> (a task token SendTaskSuccess or SendTaskFailure used up) and
    /// <paramref name="takenActivityTask"/> (the token of the activity task a worker claimed) with it, and leases the
    /// work it enqueues for which <paramref name="claim"/> has slots.
    /// </summary>
    public async ValueTask<StepOutcome> StepAsync(string executionArn, Stimulus stimulus, WorkLease? lease, long firedTimerId,
        WorkClaim? claim, CancellationToken cancellationToken, string? answeredToken = null, string? takenActivityTask = null)
    {
        var gate = locks.For(executionArn);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        int leased = 0;
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                // The cached snapshot is only a guess at the latest version: the commit's version check proves it, and a
                // conflict decides again on what the store holds.
                DurableSnapshot current;
                long lastEventId;
                if ((attempt == 0 ? snapshots.Take(executionArn) : null) is { } cached)
                {
                    current = cached.Snapshot;
                    lastEventId = cached.LastEventId;
                }
                else
                {
                    var stored = await store.Executions.GetSnapshotAsync(executionArn, cancellationToken).ConfigureAwait(false);
                    if (stored is null)
                    {
                        // Nothing to apply it to (the execution was never created): drop the work.
                        await DropAsync(lease, cancellationToken).ConfigureAwait(false);
                        return default;
                    }

                    current = DurableSnapshot.Deserialize(stored.Json);
                    lastEventId = stored.LastEventId;
                }

                if (current.IsClosed)
                {
                    // It ended for good and kept its header only: like a finished snapshot, it takes no stimulus, and
                    // its timers, tokens and activity tasks went with the step that ended it.
                    await DropAsync(lease, cancellationToken).ConfigureAwait(false);
                    return default;
                }

                var machine = await definitions.GetAsync(current.Header, cancellationToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                var missing = await ActivityResources.MissingAsync(machine, store.Activities, cancellationToken).ConfigureAwait(false);
                var plan = StepPlan.Decide(machine, current.Header, current.Snapshot, stimulus, now, maxPayloadBytes, missing, claim?.InvokeInline, waitTimeScale);
                try
                {
                    var grant = claim?.Reserve(plan.WorkCount, now);
                    var result = await store.Executions.CommitAsync(plan.ToCommit(lastEventId, lease, firedTimerId, grant, answeredToken, takenActivityTask), cancellationToken)
                        .ConfigureAwait(false);
                    leased = result.LeasedWork.Count;
                    Remember(plan, result);
                    return plan.Outcome(result);
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    // Another process stepped this execution first; decide again on what it committed.
                }
            }
        }
        finally
        {
            claim?.Settle(leased);
            gate.Release();
        }
    }

    /// <summary>
    /// Stores a new execution together with its first step (ExecutionStarted and whatever follows it), leasing the work
    /// it enqueues for which <paramref name="claim"/> has slots.
    /// </summary>
    public async ValueTask<StepOutcome> CreateAsync(ExecutionRecord record, ExecutionHeader header, Stimulus started, WorkClaim? claim,
        CancellationToken cancellationToken)
    {
        var machine = await definitions.GetAsync(header, cancellationToken).ConfigureAwait(false);
        var missing = await ActivityResources.MissingAsync(machine, store.Activities, cancellationToken).ConfigureAwait(false);
        var plan = StepPlan.Decide(machine, header, null, started, record.StartDate, maxPayloadBytes, missing, claim?.InvokeInline, waitTimeScale);
        int leased = 0;
        try
        {
            var grant = claim?.Reserve(plan.WorkCount, time.GetUtcNow());
            var result = await store.Executions.CreateAsync(record, plan.ToCommit(0, null, 0, grant), cancellationToken).ConfigureAwait(false);
            leased = result.LeasedWork.Count;
            Remember(plan, result);
            return plan.Outcome(result);
        }
        finally
        {
            claim?.Settle(leased);
        }
    }

    private async ValueTask DropAsync(WorkLease? lease, CancellationToken cancellationToken)
    {
        if (lease is { } orphan)
        {
            await store.Work.CompleteAsync(orphan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps the snapshot of a step that leased work to this node: the work's result is this execution's next step.
    /// A step that leased nothing leaves the execution waiting on the store (a timer, a callback, queued work).
    /// </summary>
    private void Remember(StepPlan plan, StepCommitResult result)
    {
        if (result.LeasedWork.Count > 0 && plan.Completion is null)
        {
            snapshots.Put(new CachedSnapshot(plan.Snapshot.Info.ExecutionArn, result.LastEventId, new DurableSnapshot(plan.Header, plan.Snapshot)));
        }
    }
}
