using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>
/// Invoke a Task state's resource with <paramref name="Input"/> (the evaluated Parameters). The host answers with
/// <see cref="TaskStartedStimulus"/> when it starts, then <see cref="TaskSucceededStimulus"/> or
/// <see cref="TaskFailedStimulus"/>. <paramref name="TaskToken"/> is set for <c>.waitForTaskToken</c> resources;
/// <paramref name="StateName"/> is the Task state's name (mock configurations key responses by it).
/// </summary>
public sealed record InvokeTaskCommand(long TaskId, string StateName, string Resource, JsonValue Input, string? TaskToken, JsonValue Context,
    long? TimeoutSeconds, long? HeartbeatSeconds) : ExecutionCommand;
