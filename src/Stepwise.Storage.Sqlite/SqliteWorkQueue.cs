using Stepwise.Storage.Work;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteWorkQueue(SqliteStore store) : IWorkQueue
{
    public ValueTask<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return store.WriteAsync(item, static (connection, item) => Add(connection, item));
    }

    public ValueTask<IReadOnlyList<LeasedWorkItem>> LeaseAsync(string owner, DateTimeOffset now, TimeSpan leaseDuration, int maxItems,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        return store.WriteAsync((owner, now, expires: now + leaseDuration, maxItems), static (connection, request) =>
        {
            var leased = new List<LeasedWorkItem>();
            var now = ToStored(request.now);
            using (var reader = Query(connection,
                "SELECT id, idempotency_key, kind, execution_arn, payload, available_at, delivery FROM work_items "
                + "WHERE available_at <= $p0 AND (lease_expires_at IS NULL OR lease_expires_at <= $p0) ORDER BY id LIMIT $p1",
                now, request.maxItems))
            {
                while (reader.Read())
                {
                    var item = new WorkItem(reader.GetString(1), reader.GetString(2), NullableString(reader, 3), reader.GetString(4), Instant(reader, 5));
                    var lease = new WorkLease(reader.GetInt64(0), request.owner, reader.GetInt32(6) + 1);
                    leased.Add(new LeasedWorkItem(lease, item, request.expires));
                }
            }

            foreach (var item in leased)
            {
                Execute(connection, "UPDATE work_items SET delivery = $p1, owner = $p2, lease_expires_at = $p3 WHERE id = $p0",
                    item.Id, item.Delivery, request.owner, ToStored(request.expires));
            }

            return (IReadOnlyList<LeasedWorkItem>)leased;
        });
    }

    public ValueTask<bool> RenewAsync(WorkLease lease, DateTimeOffset now, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        return store.WriteAsync((lease, expires: now + leaseDuration), static (connection, request) =>
            Execute(connection, "UPDATE work_items SET lease_expires_at = $p3 WHERE id = $p0 AND owner = $p1 AND delivery = $p2",
                request.lease.WorkItemId, request.lease.Owner, request.lease.Delivery, ToStored(request.expires)) > 0);
    }

    public ValueTask<bool> CompleteAsync(WorkLease lease, CancellationToken cancellationToken = default)
    {
        return store.WriteAsync(lease, static (connection, lease) => Complete(connection, lease));
    }

    public ValueTask<bool> AbandonAsync(WorkLease lease, DateTimeOffset availableAt, CancellationToken cancellationToken = default)
    {
        return store.WriteAsync((lease, availableAt), static (connection, request) =>
            Execute(connection,
                "UPDATE work_items SET available_at = $p3, owner = NULL, lease_expires_at = NULL WHERE id = $p0 AND owner = $p1 AND delivery = $p2",
                request.lease.WorkItemId, request.lease.Owner, request.lease.Delivery, ToStored(request.availableAt)) > 0);
    }

    public ValueTask<DateTimeOffset?> GetNextAvailableAtAsync(CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(0, static (connection, _) =>
            Scalar(connection, "SELECT min(available_at) FROM work_items") is long earliest ? FromStored(earliest) : (DateTimeOffset?)null));
    }

    /// <summary>
    /// Removes the item if <paramref name="lease"/> is its current delivery. An expired lease still holds until someone
    /// else leases the item (which bumps the delivery), as in the in-memory provider.
    /// </summary>
    internal static bool Complete(SqlitePreparedConnection connection, WorkLease lease) =>
        Execute(connection, "DELETE FROM work_items WHERE id = $p0 AND owner = $p1 AND delivery = $p2", lease.WorkItemId, lease.Owner, lease.Delivery) > 0;

    /// <summary>Adds the item unless its idempotency key is pending; true when added.</summary>
    internal static bool Add(SqlitePreparedConnection connection, WorkItem item) =>
        Execute(connection,
            "INSERT INTO work_items (idempotency_key, kind, execution_arn, payload, available_at, delivery) VALUES ($p0, $p1, $p2, $p3, $p4, 0) "
            + "ON CONFLICT (idempotency_key) DO NOTHING",
            item.IdempotencyKey, item.Kind, item.ExecutionArn, item.Payload, ToStored(item.AvailableAt)) > 0;

    /// <summary>Adds the item leased to <paramref name="grant"/>'s owner (delivery 1) unless its key is pending; its id when added.</summary>
    internal static long? AddLeased(SqlitePreparedConnection connection, WorkItem item, WorkLeaseGrant grant) =>
        Scalar(connection,
            "INSERT INTO work_items (idempotency_key, kind, execution_arn, payload, available_at, delivery, owner, lease_expires_at) "
            + "VALUES ($p0, $p1, $p2, $p3, $p4, 1, $p5, $p6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
            item.IdempotencyKey, item.Kind, item.ExecutionArn, item.Payload, ToStored(item.AvailableAt), grant.Owner, ToStored(grant.ExpiresAt)) as long?;
}
