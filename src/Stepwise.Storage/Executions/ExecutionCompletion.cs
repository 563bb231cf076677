namespace Stepwise.Storage.Executions;

/// <summary>
/// How a step ended its execution: the new status (not <see cref="ExecutionStatuses.Running"/>), when, the output or
/// error and cause, and whether it can be redriven (<see cref="ExecutionRedriveStatuses"/>, with the reason when not).
/// </summary>
public sealed record ExecutionCompletion(string Status, DateTimeOffset StopDate, string? Output = null, string? Error = null, string? Cause = null,
    string? RedriveStatus = null, string? RedriveStatusReason = null)
{
    /// <summary><paramref name="execution"/> as this completion leaves it: its status, stop date, result and redrivability replaced.</summary>
    public ExecutionRecord ApplyTo(ExecutionRecord execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return execution with
        {
            Status = Status,
            StopDate = StopDate,
            Output = Output,
            Error = Error,
            Cause = Cause,
            RedriveStatus = RedriveStatus,
            RedriveStatusReason = RedriveStatusReason,
        };
    }
}
