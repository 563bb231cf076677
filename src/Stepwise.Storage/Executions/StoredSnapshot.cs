namespace Stepwise.Storage.Executions;

/// <summary>
/// An execution's latest snapshot (serialized by the dispatcher) with the last event id it reflects: pass
/// <see cref="LastEventId"/> as the expected id of the next <see cref="StepCommit"/>.
/// </summary>
public sealed record StoredSnapshot(string ExecutionArn, long LastEventId, string Json);
