namespace Stepwise.Runtime;

/// <summary>A task failed with an ASL error (<paramref name="Error"/> and <paramref name="Cause"/> as AWS records them).</summary>
public sealed record TaskFailedStimulus(long TaskId, string Error, string? Cause) : Stimulus;
