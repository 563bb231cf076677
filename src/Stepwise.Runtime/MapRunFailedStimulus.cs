namespace Stepwise.Runtime;

/// <summary>
/// The Map Run of a <see cref="StartMapRunCommand"/> failed (more failures than tolerated, a reader, writer or
/// ItemSelector error): MapRunFailed is recorded and the Map state fails with <paramref name="Error"/> and
/// <paramref name="Cause"/> (Retry and Catch apply). An answer for a run the execution no longer waits on is ignored.
/// </summary>
public sealed record MapRunFailedStimulus(string MapRunArn, string Error, string? Cause) : Stimulus;
