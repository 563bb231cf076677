namespace Stepwise.Storage.Executions;

/// <summary>
/// One history event as the store keeps it: the id and type it is indexed by, and the whole event as JSON text
/// (the dispatcher writes it; for AWS events it is the <c>GetExecutionHistory</c> element). Internal bookkeeping
/// event types are stored alike; the API filters them by <see cref="Type"/>.
/// </summary>
public sealed record StoredEvent(long Id, string Type, DateTimeOffset Timestamp, string Json);
