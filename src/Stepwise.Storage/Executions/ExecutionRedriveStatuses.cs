namespace Stepwise.Storage.Executions;

/// <summary>
/// <c>DescribeExecution</c>'s <c>redriveStatus</c> values and the <c>redriveStatusReason</c> texts AWS gives for a
/// Standard execution that cannot be redriven (API reference, DescribeExecution). AWS writes the reasons without a
/// final period (api/test_sfn_api__test_describe_execution records "Execution is SUCCEEDED and cannot be redriven").
/// </summary>
public static class ExecutionRedriveStatuses
{
    public const string Redrivable = "REDRIVABLE";
    public const string NotRedrivable = "NOT_REDRIVABLE";
    public const string RedrivableByMapRun = "REDRIVABLE_BY_MAP_RUN";

    public const string RunningReason = "Execution is RUNNING and cannot be redriven";
    public const string SucceededReason = "Execution is SUCCEEDED and cannot be redriven";
    public const string HistoryLimitReason = "Execution history event limit exceeded";
    public const string StateMachineDeletingReason = "State machine is in DELETING status";
    public const string PeriodExceededReason = "Execution redrivable period exceeded";
}
