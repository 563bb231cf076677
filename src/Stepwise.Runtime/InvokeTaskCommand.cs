using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>
/// Invoke a Task state's resource with <paramref name="Input"/> (the evaluated Parameters). The host answers with
/// <see cref="TaskStartedStimulus"/> when it starts, then <see cref="TaskSucceededStimulus"/> or
/// <see cref="TaskFailedStimulus"/>. <paramref name="TaskToken"/> is set for <c>.waitForTaskToken</c> resources;
/// <paramref name="StateName"/> is the Task state's name (mock configurations key responses by it).
/// <paramref name="IsActivity"/> marks an activity task: a durable host queues it for a worker's <c>GetActivityTask</c>
/// (the token is the one the worker answers with) and reports <see cref="TaskStartedStimulus"/> only when a worker takes it.
/// </summary>
public sealed record InvokeTaskCommand(long TaskId, string StateName, string Resource, JsonValue Input, string? TaskToken, JsonValue Context,
    long? TimeoutSeconds, long? HeartbeatSeconds, bool IsActivity = false) : ExecutionCommand;
