namespace Stepwise.Storage.Executions;

/// <summary>An execution's status as AWS writes it in <c>DescribeExecution</c> and <c>ListExecutions</c>' filter.</summary>
public static class ExecutionStatuses
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Aborted = "ABORTED";
    public const string PendingRedrive = "PENDING_REDRIVE";
}
