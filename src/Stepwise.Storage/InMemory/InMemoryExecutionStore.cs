using System.Collections.Immutable;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Work;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryExecutionStore(InMemoryStore store) : IExecutionStore
{
    public ValueTask<StepCommitResult> CreateAsync(ExecutionRecord execution, StepCommit firstStep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        StepCommitRules.Validate(firstStep);
        if (firstStep.ExpectedLastEventId != 0 || !string.Equals(firstStep.ExecutionArn, execution.ExecutionArn, StringComparison.Ordinal))
        {
            throw new ArgumentException("The first step of a new execution expects event 0 and names the same execution.", nameof(firstStep));
        }

        return ValueTask.FromResult(store.Write((store, execution, firstStep), static (state, request) =>
        {
            var (owner, execution, firstStep) = request;
            if (state.Executions.ContainsKey(execution.ExecutionArn))
            {
                throw new ResourceAlreadyExistsException(ResourceKinds.Execution, execution.ExecutionArn);
            }

            var sequence = state.Sequence + 1;
            var entry = new InMemoryState.ExecutionEntry(sequence, execution with { LastEventId = 0 }, null, []);
            state = state with { Sequence = sequence, Executions = state.Executions.Add(execution.ExecutionArn, entry) };
            return Apply(owner, state, firstStep);
        }));
    }

    public ValueTask<ExecutionRecord?> GetAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.State.Executions.TryGetValue(executionArn, out var entry) ? entry.Record : null);
    }

    public ValueTask<StoredSnapshot?> GetSnapshotAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        StoredSnapshot? snapshot = null;
        if (store.State.Executions.TryGetValue(executionArn, out var entry) && entry.Snapshot is not null)
        {
            snapshot = new StoredSnapshot(executionArn, entry.Record.LastEventId, entry.Snapshot);
        }

        return ValueTask.FromResult(snapshot);
    }

    public ValueTask<Page<ExecutionRecord>> ListAsync(string stateMachineArn, string? statusFilter, bool? redriven, PageRequest page,
        CancellationToken cancellationToken = default) =>
        List(record => string.Equals(record.StateMachineArn, stateMachineArn, StringComparison.Ordinal)
            || string.Equals(record.StateMachineVersionArn, stateMachineArn, StringComparison.Ordinal)
            || string.Equals(record.StateMachineAliasArn, stateMachineArn, StringComparison.Ordinal), statusFilter, redriven, page);

    public ValueTask<Page<ExecutionRecord>> ListByMapRunAsync(string mapRunArn, string? statusFilter, bool? redriven, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        return List(record => string.Equals(record.MapRunArn, mapRunArn, StringComparison.Ordinal), statusFilter, redriven, page);
    }

    /// <summary>The executions <paramref name="listed"/> keeps that pass both filters, newest first (creation order is start order).</summary>
    private ValueTask<Page<ExecutionRecord>> List(Func<ExecutionRecord, bool> listed, string? statusFilter, bool? redriven, PageRequest page)
    {
        var before = PageTokens.Parse(page.NextToken) ?? long.MaxValue;
        var matches = new List<InMemoryState.ExecutionEntry>();
        foreach (var entry in store.State.Executions.Values)
        {
            var record = entry.Record;
            if (entry.Sequence < before
                && listed(record)
                && (statusFilter is null || string.Equals(record.Status, statusFilter, StringComparison.Ordinal))
                && (redriven is not { } wanted || record.RedriveCount > 0 == wanted))
            {
                matches.Add(entry);
            }
        }

        matches.Sort(static (a, b) => b.Sequence.CompareTo(a.Sequence));
        return ValueTask.FromResult(InMemoryPaging.Take(matches, page.MaxResults, static e => e.Record, static e => e.Sequence));
    }

    public ValueTask<Page<StoredEvent>> GetHistoryAsync(string executionArn, bool reverseOrder, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        var position = PageTokens.Parse(page.NextToken);
        var matches = new List<StoredEvent>();
        if (store.State.Executions.TryGetValue(executionArn, out var entry))
        {
            var events = entry.Events;
            if (reverseOrder)
            {
                var before = position ?? long.MaxValue;
                for (var i = events.Count - 1; i >= 0; i--)
                {
                    if (events[i].Id < before)
                    {
                        matches.Add(events[i]);
                    }
                }
            }
            else
            {
                var after = position ?? 0;
                foreach (var stored in events)
                {
                    if (stored.Id > after)
                    {
                        matches.Add(stored);
                    }
                }
            }
        }

        return ValueTask.FromResult(InMemoryPaging.Take(matches, page.MaxResults, static e => e, static e => e.Id));
    }

    public ValueTask<StepCommitResult> CommitAsync(StepCommit commit, CancellationToken cancellationToken = default)
    {
        StepCommitRules.Validate(commit);
        return ValueTask.FromResult(store.Write((store, commit), static (state, request) => Apply(request.store, state, request.commit)));
    }

    /// <summary>Applies a validated commit to <paramref name="state"/>, calling the fault hook between the parts.</summary>
    private static (InMemoryState State, StepCommitResult Result) Apply(InMemoryStore owner, InMemoryState state, StepCommit commit)
    {
        var arn = commit.ExecutionArn;
        if (!state.Executions.TryGetValue(arn, out var entry))
        {
            throw new ResourceNotFoundException(ResourceKinds.Execution, arn);
        }

        if (entry.Record.LastEventId != commit.ExpectedLastEventId)
        {
            throw new ConcurrencyConflictException(arn, commit.ExpectedLastEventId, entry.Record.LastEventId);
        }

        if (commit.CompletesWork is { } lease)
        {
            if (!state.Work.TryGetValue(lease.WorkItemId, out var work) || !InMemoryWorkQueue.Holds(work, lease))
            {
                throw new LeaseLostException(lease);
            }

            state = InMemoryWorkQueue.Remove(state, work);
        }

        var lastEventId = commit.ExpectedLastEventId + commit.Events.Count;
        var record = entry.Record with { LastEventId = lastEventId };
        if (commit.Redrive is { } redrive)
        {
            record = record with
            {
                Status = ExecutionStatuses.Running,
                StopDate = null,
                Output = null,
                Error = null,
                Cause = null,
                RedriveCount = redrive.RedriveCount,
                RedriveDate = redrive.RedriveDate,
                RedriveStatus = ExecutionRedriveStatuses.NotRedrivable,
                RedriveStatusReason = ExecutionRedriveStatuses.RunningReason,
            };
        }

        // A redrive whose first step already ends the execution records both, the completion last.
        if (commit.Completion is { } completion)
        {
            record = completion.ApplyTo(record);
        }

        entry = entry with { Record = record, Events = entry.Events.AddRange(commit.Events) };
        owner.OnCommitStage(CommitStages.Events);
        if (commit.Snapshot is not null)
        {
            entry = entry with { Snapshot = commit.Snapshot };
        }

        state = state with { Executions = state.Executions.SetItem(arn, entry) };
        owner.OnCommitStage(CommitStages.Snapshot);

        var timers = state.Timers;
        foreach (var timerId in commit.TimersToCancel)
        {
            timers = timers.Remove(new InMemoryState.TimerKey(arn, timerId));
        }

        foreach (var timer in commit.TimersToStart)
        {
            timers = timers.SetItem(new InMemoryState.TimerKey(arn, timer.TimerId), new InMemoryState.TimerEntry(timer, null));
        }

        state = state with { Timers = timers };
        owner.OnCommitStage(CommitStages.Timers);

        var leased = new List<LeasedWorkItem>();
        foreach (var item in commit.WorkToEnqueue)
        {
            var grant = commit.LeaseWork is { } g && leased.Count < g.MaxItems ? g : (WorkLeaseGrant?)null;
            (state, bool added) = InMemoryWorkQueue.Add(state, item, grant);
            if (added && grant is { } leasedTo)
            {
                leased.Add(new LeasedWorkItem(new WorkLease(state.Sequence, leasedTo.Owner, 1), item, leasedTo.ExpiresAt));
            }
        }

        owner.OnCommitStage(CommitStages.Work);

        var tokens = state.TaskTokens;
        foreach (var token in commit.TaskTokensToRemove)
        {
            tokens = tokens.Remove(token);
        }

        foreach (var token in commit.TaskTokensToAdd)
        {
            tokens = tokens.SetItem(token.TaskToken, token);
        }

        state = state with { TaskTokens = tokens };
        owner.OnCommitStage(CommitStages.TaskTokens);

        foreach (var token in commit.ActivityTasksToRemove)
        {
            state = InMemoryActivityStore.RemoveTask(state, token);
        }

        foreach (var task in commit.ActivityTasksToEnqueue)
        {
            state = InMemoryActivityStore.AddTask(state, task);
        }

        if (commit.Completion is not null)
        {
            state = DropWaits(state, arn);
        }

        owner.OnCommitStage(CommitStages.ActivityTasks);
        return (state, new StepCommitResult(lastEventId, leased));
    }

    /// <summary>Drops what a finished execution was waiting on: timers, task tokens and queued activity tasks.</summary>
    private static InMemoryState DropWaits(InMemoryState state, string arn)
    {
        var timers = state.Timers;
        foreach (var key in state.Timers.Keys)
        {
            if (string.Equals(key.ExecutionArn, arn, StringComparison.Ordinal))
            {
                timers = timers.Remove(key);
            }
        }

        var tokens = state.TaskTokens;
        foreach (var token in state.TaskTokens.Values)
        {
            if (string.Equals(token.ExecutionArn, arn, StringComparison.Ordinal))
            {
                tokens = tokens.Remove(token.TaskToken);
            }
        }

        state = state with { Timers = timers, TaskTokens = tokens };
        foreach (var task in state.ActivityTasks.Values)
        {
            if (string.Equals(task.ExecutionArn, arn, StringComparison.Ordinal))
            {
                state = InMemoryActivityStore.RemoveTask(state, task.TaskToken);
            }
        }

        return state;
    }
}
