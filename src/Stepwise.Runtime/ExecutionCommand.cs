using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>Work the host must do after a decision is committed.</summary>
public abstract record ExecutionCommand;

/// <summary>
/// Invoke a Task state's resource with <paramref name="Input"/> (the evaluated Parameters). The host answers with
/// <see cref="TaskStartedStimulus"/> when it starts, then <see cref="TaskSucceededStimulus"/> or
/// <see cref="TaskFailedStimulus"/>. <paramref name="TaskToken"/> is set for <c>.waitForTaskToken</c> resources;
/// <paramref name="StateName"/> is the Task state's name (mock configurations key responses by it).
/// </summary>
public sealed record InvokeTaskCommand(long TaskId, string StateName, string Resource, JsonValue Input, string? TaskToken, JsonValue Context,
    long? TimeoutSeconds, long? HeartbeatSeconds) : ExecutionCommand;

/// <summary>Start a timer that fires <see cref="TimerFiredStimulus"/> at <paramref name="DueTime"/>.</summary>
public sealed record StartTimerCommand(long TimerId, DateTimeOffset DueTime) : ExecutionCommand;

/// <summary>Cancel a timer that is no longer needed (its firing would be ignored anyway).</summary>
public sealed record CancelTimerCommand(long TimerId) : ExecutionCommand;

/// <summary>Forget a task that is no longer awaited (its branch was aborted or it timed out).</summary>
public sealed record CancelTaskCommand(long TaskId) : ExecutionCommand;

/// <summary>The execution ended.</summary>
public sealed record FinishExecutionCommand(ExecutionOutcome Outcome, JsonValue? Output, string? Error, string? Cause) : ExecutionCommand;
