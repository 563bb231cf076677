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

    /// <summary>The Map Run that started the execution, for a child of a distributed Map only.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>The Map state's label (the part of the Map Run ARN after the state machine name), for a child only.</summary>
    public string? Label { get; init; }
}
