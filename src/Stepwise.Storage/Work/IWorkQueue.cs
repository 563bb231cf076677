namespace Stepwise.Storage.Work;

/// <summary>
/// Work waiting to be done by some node, handed out under leases: a node that dies loses its leases when they expire
/// and another node leases the work again. Items are leased in enqueue order among those available.
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Enqueues <paramref name="item"/> outside a step commit. Returns false when an item with the same idempotency
    /// key is still pending (nothing is written).
    /// </summary>
    ValueTask<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="maxItems"/> items that are available at <paramref name="now"/> and not under an
    /// unexpired lease, oldest first, until <paramref name="now"/> + <paramref name="leaseDuration"/>.
    /// </summary>
    ValueTask<IReadOnlyList<LeasedWorkItem>> LeaseAsync(string owner, DateTimeOffset now, TimeSpan leaseDuration, int maxItems,
        CancellationToken cancellationToken = default);

    /// <summary>Extends a lease that is still held to <paramref name="now"/> + <paramref name="leaseDuration"/>; false if it was lost.</summary>
    ValueTask<bool> RenewAsync(WorkLease lease, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Removes the leased item because its work is done; false if the lease was lost (the item stays).</summary>
    ValueTask<bool> CompleteAsync(WorkLease lease, CancellationToken cancellationToken = default);

    /// <summary>Gives the item back, leasable again from <paramref name="availableAt"/>; false if the lease was lost.</summary>
    ValueTask<bool> AbandonAsync(WorkLease lease, DateTimeOffset availableAt, CancellationToken cancellationToken = default);

    /// <summary>When the earliest pending item becomes available (it may be leased); null when the queue is empty.</summary>
    ValueTask<DateTimeOffset?> GetNextAvailableAtAsync(CancellationToken cancellationToken = default);
}
