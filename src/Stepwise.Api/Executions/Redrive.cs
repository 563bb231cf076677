using Stepwise.Storage.Executions;

namespace Stepwise.Api.Executions;

/// <summary>
/// The redrive fields of <c>DescribeExecution</c>: whether an execution can be redriven and, when it cannot, AWS's
/// reason (<c>Execution is SUCCEEDED and cannot be redriven</c>, recorded). Failed, timed-out and aborted executions
/// are redrivable; running and succeeded ones are not.
/// </summary>
internal static class Redrive
{
    public const string Redrivable = "REDRIVABLE";
    public const string NotRedrivable = "NOT_REDRIVABLE";

    public static (string Status, string? Reason) StatusOf(ExecutionRecord execution) => execution.Status switch
    {
        ExecutionStatuses.Failed or ExecutionStatuses.TimedOut or ExecutionStatuses.Aborted => (Redrivable, null),
        _ => (NotRedrivable, $"Execution is {execution.Status} and cannot be redriven"),
    };
}
