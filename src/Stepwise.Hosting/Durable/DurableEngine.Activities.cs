using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.Activities;
using Stepwise.Storage.Paging;

namespace Stepwise.Hosting.Durable;

/// <summary>Activities: Task states whose resource is an activity ARN wait in the activity's queue for a worker.</summary>
public sealed partial class DurableEngine
{
    private TaskCompletionSource _activityWake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long <see cref="GetActivityTaskAsync"/> waits for a task before answering with none: 60 s, as AWS's long poll.</summary>
    public static TimeSpan ActivityPollTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Creates the activity <paramref name="name"/>, or returns the existing one (AWS's <c>CreateActivity</c> is
    /// idempotent). The caller validates the name.
    /// </summary>
    public async Task<ActivityRecord> CreateActivityAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var activity = new ActivityRecord(ActivityArn(name), name, TruncateToMilliseconds(_time.GetUtcNow()));
        return await _store.Activities.CreateAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ARN of the activity <paramref name="name"/> in this engine's region and account.</summary>
    public string ActivityArn(string name) => $"arn:aws:states:{_options.Region}:{_options.AccountId}:activity:{name}";

    /// <summary>The activity as <c>DescribeActivity</c> reports it.</summary>
    /// <exception cref="ResourceNotFoundException">The activity does not exist.</exception>
    public async Task<ActivityRecord> DescribeActivityAsync(string activityArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityArn);
        return await _store.Activities.GetAsync(activityArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.Activity, activityArn);
    }

    /// <summary>One page of activities, oldest first.</summary>
    public async Task<Page<ActivityRecord>> ListActivitiesAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        await _store.Activities.ListAsync(page, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Deletes the activity, its tags and the tasks waiting in its queue (AWS answers success for an activity that does
    /// not exist). Executions waiting on those tasks keep waiting until their timeouts.
    /// </summary>
    public async Task DeleteActivityAsync(string activityArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityArn);
        await _store.Activities.DeleteAsync(activityArn, cancellationToken).ConfigureAwait(false);
        await _store.Tags.RemoveAllAsync(activityArn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>GetActivityTask</c>: hands the oldest task waiting on the activity to a worker, waiting up to
    /// <see cref="ActivityPollTimeout"/> for one; null when none came (AWS then answers with an empty token). Taking a
    /// task records <c>ActivityStarted</c> with <paramref name="workerName"/> in the same commit that takes it off the
    /// queue (a poll that dies before that commit leaves the task to be handed out again once its claim lapses); the
    /// worker then answers with the token.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">The activity does not exist.</exception>
    public async Task<ActivityTaskAssignment?> GetActivityTaskAsync(string activityArn, string? workerName = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityArn);
        // A poll is the engine's work while it looks, and waits idle in between (see IdleTracker).
        _dispatcher.Idle.Enter();
        try
        {
            return await PollActivityTaskAsync(activityArn, workerName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _dispatcher.Idle.Exit();
        }
    }

    private async Task<ActivityTaskAssignment?> PollActivityTaskAsync(string activityArn, string? workerName, CancellationToken cancellationToken)
    {
        _ = await DescribeActivityAsync(activityArn, cancellationToken).ConfigureAwait(false);
        var deadline = _time.GetUtcNow() + ActivityPollTimeout;
        while (true)
        {
            // Take the wake signal before looking, so a task queued during the look is not missed.
            var wake = Volatile.Read(ref _activityWake).Task;
            var now = _time.GetUtcNow();
            while (await _store.Activities.ClaimTaskAsync(activityArn, now, now + _options.LeaseDuration, cancellationToken).ConfigureAwait(false) is { } task)
            {
                if (await StartActivityTaskAsync(task, workerName, cancellationToken).ConfigureAwait(false))
                {
                    return new ActivityTaskAssignment(task.TaskToken, task.Input);
                }
            }

            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            // Another process may queue tasks: look again after a poll interval even without a signal.
            var wait = left < _options.PollInterval ? left : _options.PollInterval;
            try
            {
                var woken = wake.WaitAsync(wait, _time, cancellationToken);
                using var waiting = _dispatcher.Idle.Wait(woken, wake);
                await woken.ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>
    /// Records ActivityStarted for a claimed task and takes it off the queue, in one commit; false when its execution no
    /// longer waits for it (timed out): then the commit only takes it off the queue.
    /// </summary>
    private async Task<bool> StartActivityTaskAsync(ActivityTask task, string? workerName, CancellationToken cancellationToken)
    {
        // A task's token stays indexed while its execution runs, and a finished execution's tasks leave the queue with it.
        if (await _store.TaskTokens.FindAsync(task.TaskToken, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return false;
        }

        bool pending = await IsTaskPendingAsync(entry.ExecutionArn, entry.TaskId, cancellationToken).ConfigureAwait(false);
        var outcome = await _runner.StepAsync(entry.ExecutionArn, new TaskStartedStimulus(entry.TaskId, workerName), null, 0,
            _dispatcher.Claim(held: 0), cancellationToken, takenActivityTask: task.TaskToken)
            .ConfigureAwait(false);
        _dispatcher.AfterStep(entry.ExecutionArn, outcome);
        return pending;
    }

    private void WakeActivityWorkers()
    {
        var woken = Interlocked.Exchange(ref _activityWake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        woken.TrySetResult();
    }
}
