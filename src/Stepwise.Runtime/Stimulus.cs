using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>Something that happened to an execution and that <see cref="Interpreter.Decide"/> reacts to.</summary>
public abstract record Stimulus;

/// <summary>The execution starts with <paramref name="Info"/> (its identity and input).</summary>
public sealed record ExecutionStartedStimulus(ExecutionInfo Info) : Stimulus;

/// <summary>The host began running the task it was asked to invoke (for an activity, <paramref name="WorkerName"/> is the worker that took it).</summary>
public sealed record TaskStartedStimulus(long TaskId, string? WorkerName = null) : Stimulus;

/// <summary>A task returned <paramref name="Output"/>.</summary>
public sealed record TaskSucceededStimulus(long TaskId, JsonValue Output) : Stimulus;

/// <summary>A task failed with an ASL error (<paramref name="Error"/> and <paramref name="Cause"/> as AWS records them).</summary>
public sealed record TaskFailedStimulus(long TaskId, string Error, string? Cause) : Stimulus;

/// <summary>A task that waits for a callback reported a heartbeat.</summary>
public sealed record TaskHeartbeatStimulus(long TaskId) : Stimulus;

/// <summary>A timer the interpreter started came due.</summary>
public sealed record TimerFiredStimulus(long TimerId) : Stimulus;

/// <summary>StopExecution was called.</summary>
public sealed record StopRequestedStimulus(string? Error, string? Cause) : Stimulus;
