namespace Stepwise.Runtime;

/// <summary>A timer the interpreter started came due.</summary>
public sealed record TimerFiredStimulus(long TimerId) : Stimulus;
