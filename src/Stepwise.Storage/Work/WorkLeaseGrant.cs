namespace Stepwise.Storage.Work;

/// <summary>
/// Asks a step commit to lease the work it enqueues to <paramref name="Owner"/> at once, until
/// <paramref name="ExpiresAt"/>: the first <paramref name="MaxItems"/> items it adds start their first delivery in the
/// same transaction, so the node that committed them can run them without a second round trip (and a second fsync) to
/// lease them. After a crash such a lease expires like any other and the work is delivered again.
/// </summary>
public readonly record struct WorkLeaseGrant(string Owner, DateTimeOffset ExpiresAt, int MaxItems);
