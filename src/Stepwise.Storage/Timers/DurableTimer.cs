namespace Stepwise.Storage.Timers;

/// <summary>
/// A timer of one execution (a Wait state, a retry delay, a timeout), keyed by the execution and the snapshot's timer
/// id, due at <paramref name="DueTime"/>. <paramref name="Payload"/> is optional text for the dispatcher.
/// </summary>
public sealed record DurableTimer(string ExecutionArn, long TimerId, DateTimeOffset DueTime, string? Payload = null);
