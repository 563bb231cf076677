namespace Stepwise.Runtime;

/// <summary>StopExecution was called.</summary>
public sealed record StopRequestedStimulus(string? Error, string? Cause) : Stimulus;
