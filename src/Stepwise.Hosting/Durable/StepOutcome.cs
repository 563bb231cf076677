using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// What one committed step did: whether it enqueued work or timers, how it ended the execution, if it did, and whether
/// it queued activity tasks for workers.
/// </summary>
internal readonly record struct StepOutcome(bool Committed, bool ScheduledSomething, ExecutionCompletion? Completion, IReadOnlyList<long> CancelledTasks,
    bool QueuedActivityTasks = false);
