namespace Stepwise.Api.Executions;

/// <summary>The <c>StartSyncExecution</c> request (Express state machines only).</summary>
public sealed record StartSyncExecutionRequest(
    string? StateMachineArn = null, string? Name = null, string? Input = null, string? TraceHeader = null, string? IncludedData = null);

/// <summary>The <c>StartSyncExecution</c> response: how the execution ended.</summary>
public sealed record StartSyncExecutionResponse
{
    public required string ExecutionArn { get; init; }
    public required string StateMachineArn { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public required DateTimeOffset StopDate { get; init; }
    public required string Status { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public string? Input { get; init; }
    public DataDetails? InputDetails { get; init; }
    public string? Output { get; init; }
    public DataDetails? OutputDetails { get; init; }
    public string? TraceHeader { get; init; }
    public required BillingDetails BillingDetails { get; init; }
}

/// <summary>Whether input or output data is included (<c>inputDetails</c>, <c>outputDetails</c>).</summary>
public sealed record DataDetails(bool Included);

/// <summary>What AWS would bill for an Express execution: duration rounded up to 100 ms, 64 MB of memory.</summary>
public sealed record BillingDetails(long BilledMemoryUsedInMB, long BilledDurationInMilliseconds);
