using Stepwise.Storage.Activities;
using Stepwise.Storage.Paging;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryActivityStore(InMemoryStore store) : IActivityStore
{
    public ValueTask<ActivityRecord> CreateAsync(ActivityRecord activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return ValueTask.FromResult(store.Write(activity, static (state, activity) =>
        {
            if (state.Activities.TryGetValue(activity.ActivityArn, out var existing))
            {
                return (state, existing.Value);
            }

            var sequence = state.Sequence + 1;
            return (state with
            {
                Sequence = sequence,
                Activities = state.Activities.Add(activity.ActivityArn, new(sequence, activity)),
            }, activity);
        }));
    }

    public ValueTask<ActivityRecord?> GetAsync(string activityArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.State.Activities.TryGetValue(activityArn, out var entry) ? entry.Value : null);
    }

    public ValueTask<Page<ActivityRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var after = PageTokens.Parse(page.NextToken) ?? long.MinValue;
        var matches = new List<InMemoryState.Sequenced<ActivityRecord>>();
        foreach (var entry in store.State.Activities.Values)
        {
            if (entry.Sequence > after)
            {
                matches.Add(entry);
            }
        }

        matches.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return ValueTask.FromResult(InMemoryPaging.Take(matches, page.MaxResults, static e => e.Value, static e => e.Sequence));
    }

    public ValueTask<bool> DeleteAsync(string activityArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write(activityArn, static (state, arn) =>
        {
            if (!state.Activities.ContainsKey(arn))
            {
                return (state, false);
            }

            state = state with { Activities = state.Activities.Remove(arn) };
            foreach (var task in state.ActivityTasks.Values)
            {
                if (string.Equals(task.ActivityArn, arn, StringComparison.Ordinal))
                {
                    state = RemoveTask(state, task.TaskToken);
                }
            }

            return (state, true);
        }));
    }

    public ValueTask EnqueueTaskAsync(ActivityTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        store.Write(task, static (state, task) => (AddTask(state, task), 0));
        return ValueTask.CompletedTask;
    }

    public ValueTask<ActivityTask?> ClaimTaskAsync(string activityArn, DateTimeOffset now, DateTimeOffset claimedUntil, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write((activityArn, now, claimedUntil), static (state, request) =>
        {
            foreach (var task in state.ActivityTasks.Values)
            {
                if (string.Equals(task.ActivityArn, request.activityArn, StringComparison.Ordinal)
                    && (!state.ActivityTaskClaims.TryGetValue(task.TaskToken, out var claimed) || claimed <= request.now))
                {
                    return (state with { ActivityTaskClaims = state.ActivityTaskClaims.SetItem(task.TaskToken, request.claimedUntil) }, task);
                }
            }

            return (state, (ActivityTask?)null);
        }));
    }

    internal static InMemoryState AddTask(InMemoryState state, ActivityTask task)
    {
        if (state.ActivityTaskTokens.ContainsKey(task.TaskToken))
        {
            return state;
        }

        var sequence = state.Sequence + 1;
        return state with
        {
            Sequence = sequence,
            ActivityTasks = state.ActivityTasks.Add(sequence, task),
            ActivityTaskTokens = state.ActivityTaskTokens.Add(task.TaskToken, sequence),
        };
    }

    internal static InMemoryState RemoveTask(InMemoryState state, string taskToken)
    {
        if (!state.ActivityTaskTokens.TryGetValue(taskToken, out var sequence))
        {
            return state;
        }

        return state with
        {
            ActivityTasks = state.ActivityTasks.Remove(sequence),
            ActivityTaskTokens = state.ActivityTaskTokens.Remove(taskToken),
            ActivityTaskClaims = state.ActivityTaskClaims.Remove(taskToken),
        };
    }
}
