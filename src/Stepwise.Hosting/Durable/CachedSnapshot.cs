namespace Stepwise.Hosting.Durable;

/// <summary>An execution's snapshot as of its last committed event, held by <see cref="SnapshotCache"/>.</summary>
internal sealed record CachedSnapshot(string ExecutionArn, long LastEventId, DurableSnapshot Snapshot);
