namespace Stepwise.Api.Executions;

/// <summary>The <c>DescribeExecution</c> request.</summary>
public sealed record DescribeExecutionRequest(string? ExecutionArn = null, string? IncludedData = null);

/// <summary>The <c>DescribeExecution</c> response, redrive fields included.</summary>
public sealed record DescribeExecutionResponse
{
    public required string ExecutionArn { get; init; }
    public required string StateMachineArn { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public DateTimeOffset? StopDate { get; init; }
    public string? Input { get; init; }
    public DataDetails? InputDetails { get; init; }
    public string? Output { get; init; }
    public DataDetails? OutputDetails { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public string? TraceHeader { get; init; }
    public string? StateMachineVersionArn { get; init; }
    public string? StateMachineAliasArn { get; init; }
    public string? MapRunArn { get; init; }
    public int? RedriveCount { get; init; }
    public DateTimeOffset? RedriveDate { get; init; }
    public string? RedriveStatus { get; init; }
    public string? RedriveStatusReason { get; init; }
}
