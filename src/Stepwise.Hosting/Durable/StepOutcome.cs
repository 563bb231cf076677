using Stepwise.Storage.Executions;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// What one committed step did: whether it left work or timers in the store for the dispatcher to find, how it ended
/// the execution (if it did), which tasks it cancelled, the work its commit leased to this node to run at once, and
/// whether it queued activity tasks for workers, and the execution's last event id after the commit (0 when nothing was
/// committed): with the completion, what the store's record of an execution the step ended reads. The run the step
/// belongs to is its <see cref="RedriveCount"/> (0 before any redrive; a completion is of that run only).
/// </summary>
internal readonly record struct StepOutcome(bool Committed, bool ScheduledSomething, ExecutionCompletion? Completion, IReadOnlyList<long> CancelledTasks,
    IReadOnlyList<LeasedWorkItem>? LeasedWork, bool QueuedActivityTasks = false, long LastEventId = 0, int RedriveCount = 0)
{
    /// <summary>
    /// <paramref name="running"/> (the record as the run started) as the store holds it once this step ended the
    /// execution: the completion applied, with the step's last event id; null when the step did not end it.
    /// </summary>
    public ExecutionRecord? EndedRecord(ExecutionRecord running) =>
        Completion?.ApplyTo(running) is { } ended ? ended with { LastEventId = LastEventId } : null;
}
