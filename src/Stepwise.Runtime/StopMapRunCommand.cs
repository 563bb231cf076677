namespace Stepwise.Runtime;

/// <summary>
/// The Map Run <paramref name="MapRunArn"/> is no longer awaited (the execution stopped, timed out or failed around it):
/// the host aborts its running children and starts no more. Decide ignores an answer for it that arrives later.
/// </summary>
public sealed record StopMapRunCommand(string MapRunArn) : ExecutionCommand;
