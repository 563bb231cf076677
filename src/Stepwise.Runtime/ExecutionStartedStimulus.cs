namespace Stepwise.Runtime;

/// <summary>The execution starts with <paramref name="Info"/> (its identity and input).</summary>
public sealed record ExecutionStartedStimulus(ExecutionInfo Info) : Stimulus;
