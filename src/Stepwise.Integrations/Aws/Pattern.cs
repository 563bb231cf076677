namespace Stepwise.Integrations.Aws;

/// <summary>A service integration pattern, as the resource ARN's suffix names it.</summary>
internal enum Pattern
{
    /// <summary>No suffix: the call's answer is the result.</summary>
    RequestResponse,

    /// <summary><c>.sync</c> (or <c>.sync:2</c>): the call starts a job and the task waits for it to end.</summary>
    Sync,

    /// <summary><c>.waitForTaskToken</c>: the call goes out and the task waits for its token.</summary>
    WaitForTaskToken,
}
