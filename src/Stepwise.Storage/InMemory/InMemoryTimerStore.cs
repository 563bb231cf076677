using Stepwise.Storage.Timers;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryTimerStore(InMemoryStore store) : ITimerStore
{
    public ValueTask<IReadOnlyList<DurableTimer>> LeaseDueAsync(DateTimeOffset now, TimeSpan leaseDuration, int maxTimers,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTimers, 1);
        return ValueTask.FromResult(store.Write((now, until: now + leaseDuration, maxTimers), static (state, request) =>
        {
            var due = new List<InMemoryState.TimerEntry>();
            foreach (var entry in state.Timers.Values)
            {
                if (entry.Timer.DueTime <= request.now && !(entry.LeasedUntil > request.now))
                {
                    due.Add(entry);
                }
            }

            due.Sort(static (a, b) => Compare(a.Timer, b.Timer));
            var count = Math.Min(due.Count, request.maxTimers);
            var leased = new DurableTimer[count];
            var timers = state.Timers;
            for (var i = 0; i < count; i++)
            {
                var timer = due[i].Timer;
                leased[i] = timer;
                timers = timers.SetItem(new InMemoryState.TimerKey(timer.ExecutionArn, timer.TimerId), due[i] with { LeasedUntil = request.until });
            }

            return (state with { Timers = timers }, (IReadOnlyList<DurableTimer>)leased);
        }));
    }

    public ValueTask<DateTimeOffset?> GetNextDueTimeAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset? earliest = null;
        foreach (var entry in store.State.Timers.Values)
        {
            if (earliest is null || entry.Timer.DueTime < earliest)
            {
                earliest = entry.Timer.DueTime;
            }
        }

        return ValueTask.FromResult(earliest);
    }

    public ValueTask<IReadOnlyList<DurableTimer>> ListAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var timers = new List<DurableTimer>();
        foreach (var entry in store.State.Timers.Values)
        {
            if (string.Equals(entry.Timer.ExecutionArn, executionArn, StringComparison.Ordinal))
            {
                timers.Add(entry.Timer);
            }
        }

        timers.Sort(Compare);
        return ValueTask.FromResult((IReadOnlyList<DurableTimer>)timers);
    }

    private static int Compare(DurableTimer a, DurableTimer b)
    {
        var order = a.DueTime.CompareTo(b.DueTime);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.ExecutionArn, b.ExecutionArn);
        }

        return order != 0 ? order : a.TimerId.CompareTo(b.TimerId);
    }
}
