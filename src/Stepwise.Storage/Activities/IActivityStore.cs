using Stepwise.Storage.Paging;

namespace Stepwise.Storage.Activities;

/// <summary>Activities and, per activity, the FIFO queue of tasks waiting for a worker.</summary>
public interface IActivityStore
{
    /// <summary>
    /// Creates the activity, or returns the existing one with the same ARN (AWS's <c>CreateActivity</c> is idempotent).
    /// </summary>
    ValueTask<ActivityRecord> CreateAsync(ActivityRecord activity, CancellationToken cancellationToken = default);

    /// <summary>The activity; null if it does not exist.</summary>
    ValueTask<ActivityRecord?> GetAsync(string activityArn, CancellationToken cancellationToken = default);

    /// <summary>Activities in creation order.</summary>
    ValueTask<Page<ActivityRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Deletes the activity and its waiting tasks; false if it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string activityArn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a task outside a step commit (commits queue them with <c>StepCommit.ActivityTasksToEnqueue</c>). A task
    /// token that is queued already is not queued twice.
    /// </summary>
    ValueTask EnqueueTaskAsync(ActivityTask task, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the oldest task of the activity that no claim holds at <paramref name="now"/> (each task is handed to one
    /// worker) until <paramref name="claimedUntil"/>; null when none waits. The task stays queued under the claim: the
    /// step commit that records its ActivityStarted removes it (<c>StepCommit.ActivityTasksToRemove</c>), so handing a
    /// task over and recording that it started are one transaction; a claim that expires first (the process died in
    /// between) makes the task available again. Long polling is the caller's: it waits and asks again.
    /// </summary>
    ValueTask<ActivityTask?> ClaimTaskAsync(string activityArn, DateTimeOffset now, DateTimeOffset claimedUntil, CancellationToken cancellationToken = default);
}
