namespace Stepwise.Storage.Work;

/// <summary>A work item held under a lease until <see cref="LeaseExpiresAt"/>.</summary>
public sealed record LeasedWorkItem(WorkLease Lease, WorkItem Item, DateTimeOffset LeaseExpiresAt)
{
    /// <summary>The store's id of the item.</summary>
    public long Id => Lease.WorkItemId;

    /// <summary>How many times the item has been leased, this lease included (1 on first delivery).</summary>
    public int Delivery => Lease.Delivery;
}
