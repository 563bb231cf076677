namespace Stepwise.Storage.Work;

/// <summary>
/// Outgoing work to enqueue: a task invocation, a stimulus for an execution, whatever the dispatcher names by
/// <paramref name="Kind"/> and serializes into <paramref name="Payload"/>. <paramref name="IdempotencyKey"/> is stable
/// per attempt (e.g. execution ARN, task id and attempt): enqueuing a key that is still pending is a no-op, and the
/// integration receives it so a redelivery after a crash can be recognised. Leasable from <paramref name="AvailableAt"/>.
/// </summary>
public sealed record WorkItem(string IdempotencyKey, string Kind, string? ExecutionArn, string Payload, DateTimeOffset AvailableAt);
