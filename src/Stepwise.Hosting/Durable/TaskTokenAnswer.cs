namespace Stepwise.Hosting.Durable;

/// <summary>How the engine took a <c>SendTaskSuccess</c>, <c>SendTaskFailure</c> or <c>SendTaskHeartbeat</c>.</summary>
public enum TaskTokenAnswer
{
    /// <summary>The waiting task took the answer.</summary>
    Accepted,

    /// <summary>The token could never have been issued (AWS: <c>InvalidToken</c>).</summary>
    InvalidToken,

    /// <summary>No task has the token: it was never issued, was answered already, or its execution ended (AWS: <c>TaskDoesNotExist</c>).</summary>
    TaskDoesNotExist,

    /// <summary>The task timed out, or its state was left without it (AWS: <c>TaskTimedOut</c>).</summary>
    TaskTimedOut,
}
