using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Hosting;

/// <summary>How one execution ended, with its full history.</summary>
public sealed class ExecutionResult
{
    internal ExecutionResult(string executionArn, string stateMachineArn, ExecutionStatus status, JsonValue? output, string? error,
        string? cause, IReadOnlyList<HistoryEvent> history, DateTimeOffset startDate, DateTimeOffset stopDate)
    {
        ExecutionArn = executionArn;
        StateMachineArn = stateMachineArn;
        Status = status;
        Output = output;
        Error = error;
        Cause = cause;
        History = history;
        StartDate = startDate;
        StopDate = stopDate;
    }

    /// <summary>The execution's ARN.</summary>
    public string ExecutionArn { get; }

    /// <summary>The state machine's ARN.</summary>
    public string StateMachineArn { get; }

    /// <summary>The final status.</summary>
    public ExecutionStatus Status { get; }

    /// <summary>The output when the execution succeeded.</summary>
    public JsonValue? Output { get; }

    /// <summary>
    /// The error when it failed or was aborted, as DescribeExecution reports it: null for a bare Fail state, and for a
    /// timed-out execution (whose ExecutionTimedOut history event carries the error).
    /// </summary>
    public string? Error { get; }

    /// <summary>The cause, when there is one.</summary>
    public string? Cause { get; }

    /// <summary>Every history event, in order.</summary>
    public IReadOnlyList<HistoryEvent> History { get; }

    /// <summary>When the execution started.</summary>
    public DateTimeOffset StartDate { get; }

    /// <summary>When it stopped.</summary>
    public DateTimeOffset StopDate { get; }
}
