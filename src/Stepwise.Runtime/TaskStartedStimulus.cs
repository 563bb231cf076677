namespace Stepwise.Runtime;

/// <summary>The host began running the task it was asked to invoke (for an activity, <paramref name="WorkerName"/> is the worker that took it).</summary>
public sealed record TaskStartedStimulus(long TaskId, string? WorkerName = null) : Stimulus;
