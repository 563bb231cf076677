namespace Stepwise.Api.StateMachines;

/// <summary>The <c>DescribeStateMachine</c> request: a state machine or version ARN.</summary>
public sealed record DescribeStateMachineRequest(string? StateMachineArn = null, string? IncludedData = null);

/// <summary>The <c>DescribeStateMachine</c> response.</summary>
public sealed record DescribeStateMachineResponse
{
    public required string StateMachineArn { get; init; }
    public required string Name { get; init; }
    public string Status { get; init; } = "ACTIVE";
    public string? Definition { get; init; }
    public required string RoleArn { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public required LoggingConfiguration LoggingConfiguration { get; init; }
    public required TracingConfiguration TracingConfiguration { get; init; }
    public string? RevisionId { get; init; }
    public string? Description { get; init; }
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}
