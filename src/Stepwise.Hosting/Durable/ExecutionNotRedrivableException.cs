namespace Stepwise.Hosting.Durable;

/// <summary>
/// RedriveExecution was refused (AWS's <c>ExecutionNotRedrivable</c>): the execution is running or succeeded, its
/// 14-day redrive period is over, its history is too long, or its state machine is gone. The message is AWS's
/// <c>redriveStatusReason</c> for the case.
/// </summary>
public sealed class ExecutionNotRedrivableException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="executionArn"/> with AWS's reason.</summary>
    public ExecutionNotRedrivableException(string executionArn, string reason)
        : base(reason)
    {
        ExecutionArn = executionArn;
    }

    /// <summary>The execution that cannot be redriven.</summary>
    public string ExecutionArn { get; }
}
