namespace Stepwise.Storage.Activities;

/// <summary>
/// A task scheduled on an activity, waiting for a worker's <c>GetActivityTask</c>: the token the worker answers with
/// and the input (JSON text).
/// </summary>
public sealed record ActivityTask(string ActivityArn, string TaskToken, string Input, string ExecutionArn, DateTimeOffset ScheduledAt);
