using Stepwise.Storage.Work;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryWorkQueue(InMemoryStore store) : IWorkQueue
{
    public ValueTask<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ValueTask.FromResult(store.Write(item, static (state, item) => Add(state, item)));
    }

    public ValueTask<IReadOnlyList<LeasedWorkItem>> LeaseAsync(string owner, DateTimeOffset now, TimeSpan leaseDuration, int maxItems,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        return ValueTask.FromResult(store.Write((owner, now, expires: now + leaseDuration, maxItems), static (state, request) =>
        {
            var leased = new List<LeasedWorkItem>();
            var work = state.Work;
            foreach (var entry in state.Work.Values)
            {
                if (leased.Count == request.maxItems)
                {
                    break;
                }

                if (entry.Item.AvailableAt > request.now || entry.LeaseExpiresAt > request.now)
                {
                    continue;
                }

                var next = entry with { Delivery = entry.Delivery + 1, Owner = request.owner, LeaseExpiresAt = request.expires };
                work = work.SetItem(entry.Id, next);
                leased.Add(new LeasedWorkItem(new WorkLease(entry.Id, request.owner, next.Delivery), entry.Item, request.expires));
            }

            return (state with { Work = work }, (IReadOnlyList<LeasedWorkItem>)leased);
        }));
    }

    public ValueTask<bool> RenewAsync(WorkLease lease, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write((lease, expires: now + leaseDuration), static (state, request) =>
        {
            if (!state.Work.TryGetValue(request.lease.WorkItemId, out var entry) || !Holds(entry, request.lease))
            {
                return (state, false);
            }

            return (state with { Work = state.Work.SetItem(entry.Id, entry with { LeaseExpiresAt = request.expires }) }, true);
        }));
    }

    public ValueTask<bool> CompleteAsync(WorkLease lease, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write(lease, static (state, lease) =>
            state.Work.TryGetValue(lease.WorkItemId, out var entry) && Holds(entry, lease) ? (Remove(state, entry), true) : (state, false)));
    }

    public ValueTask<bool> AbandonAsync(WorkLease lease, DateTimeOffset availableAt, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write((lease, availableAt), static (state, request) =>
        {
            if (!state.Work.TryGetValue(request.lease.WorkItemId, out var entry) || !Holds(entry, request.lease))
            {
                return (state, false);
            }

            var released = entry with { Item = entry.Item with { AvailableAt = request.availableAt }, Owner = null, LeaseExpiresAt = null };
            return (state with { Work = state.Work.SetItem(entry.Id, released) }, true);
        }));
    }

    public ValueTask<DateTimeOffset?> GetNextAvailableAtAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset? earliest = null;
        foreach (var entry in store.State.Work.Values)
        {
            if (earliest is null || entry.Item.AvailableAt < earliest)
            {
                earliest = entry.Item.AvailableAt;
            }
        }

        return ValueTask.FromResult(earliest);
    }

    /// <summary>
    /// True while <paramref name="lease"/> is the item's current delivery. An expired lease still holds until someone
    /// else leases the item, which bumps the delivery: work done late is not thrown away for nothing.
    /// </summary>
    internal static bool Holds(InMemoryState.WorkEntry entry, WorkLease lease) =>
        entry.Delivery == lease.Delivery && string.Equals(entry.Owner, lease.Owner, StringComparison.Ordinal);

    /// <summary>Adds the item unless its idempotency key is pending; with <paramref name="lease"/> its first delivery starts at once.</summary>
    internal static (InMemoryState State, bool Added) Add(InMemoryState state, WorkItem item, WorkLeaseGrant? lease = null)
    {
        if (state.WorkKeys.ContainsKey(item.IdempotencyKey))
        {
            return (state, false);
        }

        var id = state.Sequence + 1;
        return (state with
        {
            Sequence = id,
            Work = state.Work.Add(id, lease is { } l
                ? new InMemoryState.WorkEntry(id, item, 1, l.Owner, l.ExpiresAt)
                : new InMemoryState.WorkEntry(id, item, 0, null, null)),
            WorkKeys = state.WorkKeys.Add(item.IdempotencyKey, id),
        }, true);
    }

    internal static InMemoryState Remove(InMemoryState state, InMemoryState.WorkEntry entry) => state with
    {
        Work = state.Work.Remove(entry.Id),
        WorkKeys = state.WorkKeys.Remove(entry.Item.IdempotencyKey),
    };
}
