namespace Stepwise.Runtime;

/// <summary>A task that waits for a callback reported a heartbeat.</summary>
public sealed record TaskHeartbeatStimulus(long TaskId) : Stimulus;
