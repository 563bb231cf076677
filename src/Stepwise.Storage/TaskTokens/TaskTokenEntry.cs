namespace Stepwise.Storage.TaskTokens;

/// <summary>
/// Where a task token leads: the execution and the snapshot's task id waiting for <c>SendTaskSuccess</c>,
/// <c>SendTaskFailure</c> or <c>SendTaskHeartbeat</c>.
/// </summary>
public sealed record TaskTokenEntry(string TaskToken, string ExecutionArn, long TaskId, string StateName, DateTimeOffset CreatedAt);
