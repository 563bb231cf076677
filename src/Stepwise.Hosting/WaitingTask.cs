namespace Stepwise.Hosting;

/// <summary>
/// A <c>.waitForTaskToken</c> task whose call went out (its <c>TaskSubmitted</c> is recorded) and that now waits for
/// <see cref="StepwiseEngine.SendTaskSuccessAsync"/>, <see cref="StepwiseEngine.SendTaskFailureAsync"/> or
/// <see cref="StepwiseEngine.SendTaskHeartbeatAsync"/> with <paramref name="TaskToken"/>.
/// </summary>
/// <param name="StateName">The Task state's name.</param>
/// <param name="TaskToken">The token the answer must carry (<c>$$.Task.Token</c>).</param>
public sealed record WaitingTask(string StateName, string TaskToken);
