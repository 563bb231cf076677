namespace Stepwise.Storage.Work;

/// <summary>
/// A step commit that was to complete a work item whose lease is no longer held (it expired and the item was leased
/// again, or it was completed). Nothing of the commit was written.
/// </summary>
public sealed class LeaseLostException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public LeaseLostException(WorkLease lease)
        : base($"The lease of work item {lease.WorkItemId} (owner '{lease.Owner}', delivery {lease.Delivery}) is no longer held.")
    {
        Lease = lease;
    }

    /// <summary>The lost lease.</summary>
    public WorkLease Lease { get; }
}
