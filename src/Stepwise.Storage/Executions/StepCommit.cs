using Stepwise.Storage.Activities;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Storage.Executions;

/// <summary>
/// Everything one step of an execution writes, committed all or nothing (DESIGN.md §4): history events appended after
/// <see cref="ExpectedLastEventId"/>, the new snapshot, timers, outgoing work, task tokens and activity tasks, and the
/// completion of the leased work item the step consumed.
/// </summary>
public sealed record StepCommit
{
    /// <summary>The execution.</summary>
    public required string ExecutionArn { get; init; }

    /// <summary>
    /// The last event id the step was decided on (<see cref="StoredSnapshot.LastEventId"/>; 0 when the execution is
    /// created). A different stored id fails the commit with <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public required long ExpectedLastEventId { get; init; }

    /// <summary>
    /// Events to append; their ids must run on from <see cref="ExpectedLastEventId"/> + 1 without gaps. A commit
    /// without events does not advance the version, so it is only safe under a work lease.
    /// </summary>
    public IReadOnlyList<StoredEvent> Events { get; init; } = [];

    /// <summary>The snapshot that replaces the stored one; null keeps it.</summary>
    public string? Snapshot { get; init; }

    /// <summary>
    /// Set when the step finished the execution. The store then also drops the execution's remaining timers, task
    /// tokens and queued activity tasks.
    /// </summary>
    public ExecutionCompletion? Completion { get; init; }

    /// <summary>
    /// Set when the step redrives the (closed) execution: the store sets it running again and records the redrive.
    /// With a <see cref="Completion"/> too (the redriven state failed at once), the completion applies after it.
    /// </summary>
    public ExecutionRedrive? Redrive { get; init; }

    /// <summary>Timers to start (a timer id already pending is replaced).</summary>
    public IReadOnlyList<DurableTimer> TimersToStart { get; init; } = [];

    /// <summary>Timer ids of this execution to cancel (unknown ids are ignored, so a fired timer can be cancelled twice).</summary>
    public IReadOnlyList<long> TimersToCancel { get; init; } = [];

    /// <summary>Work to enqueue (a pending idempotency key is not enqueued twice).</summary>
    public IReadOnlyList<WorkItem> WorkToEnqueue { get; init; } = [];

    /// <summary>
    /// When set, the first <see cref="WorkLeaseGrant.MaxItems"/> items of <see cref="WorkToEnqueue"/> that are added are
    /// leased to the grant's owner in the same transaction (delivery 1); <see cref="StepCommitResult.LeasedWork"/> names them.
    /// </summary>
    public WorkLeaseGrant? LeaseWork { get; init; }

    /// <summary>Task tokens to index.</summary>
    public IReadOnlyList<TaskTokenEntry> TaskTokensToAdd { get; init; } = [];

    /// <summary>Task tokens to drop (unknown tokens are ignored).</summary>
    public IReadOnlyList<string> TaskTokensToRemove { get; init; } = [];

    /// <summary>Activity tasks to queue for workers.</summary>
    public IReadOnlyList<ActivityTask> ActivityTasksToEnqueue { get; init; } = [];

    /// <summary>Task tokens whose queued activity tasks to withdraw (unknown tokens are ignored).</summary>
    public IReadOnlyList<string> ActivityTasksToRemove { get; init; } = [];

    /// <summary>
    /// The leased work item this step consumed, completed in the same transaction. A lease no longer held fails the
    /// commit with <see cref="LeaseLostException"/>.
    /// </summary>
    public WorkLease? CompletesWork { get; init; }
}
