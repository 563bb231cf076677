namespace Stepwise.Storage.Work;

/// <summary>
/// Names one delivery of a work item: the item, the lease owner, and the delivery number (which grows with every
/// lease, so a lease that expired and was taken by another owner, or by the same owner again, no longer matches).
/// </summary>
public readonly record struct WorkLease(long WorkItemId, string Owner, int Delivery);
