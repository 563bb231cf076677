namespace Stepwise.Api.StateMachines;

/// <summary>The <c>DescribeStateMachineForExecution</c> request.</summary>
public sealed record DescribeStateMachineForExecutionRequest(string? ExecutionArn = null, string? IncludedData = null);

/// <summary>The <c>DescribeStateMachineForExecution</c> response: the definition the execution runs.</summary>
public sealed record DescribeStateMachineForExecutionResponse
{
    public required string StateMachineArn { get; init; }
    public required string Name { get; init; }
    public string? Definition { get; init; }
    public required string RoleArn { get; init; }
    public required DateTimeOffset UpdateDate { get; init; }
    public required LoggingConfiguration LoggingConfiguration { get; init; }
    public required TracingConfiguration TracingConfiguration { get; init; }
    public string? RevisionId { get; init; }
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}
