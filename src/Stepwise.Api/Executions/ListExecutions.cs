namespace Stepwise.Api.Executions;

/// <summary>The <c>ListExecutions</c> request: a state machine, version or alias ARN, an optional status filter and paging.</summary>
public sealed record ListExecutionsRequest(
    string? StateMachineArn = null, string? StatusFilter = null, int? MaxResults = null, string? NextToken = null,
    string? MapRunArn = null, string? RedriveFilter = null);

/// <summary>The <c>ListExecutions</c> response.</summary>
public sealed record ListExecutionsResponse(IReadOnlyList<ExecutionListItem> Executions, string? NextToken);

/// <summary>One execution of a <c>ListExecutions</c> response.</summary>
public sealed record ExecutionListItem
{
    public required string ExecutionArn { get; init; }
    public required string StateMachineArn { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public DateTimeOffset? StopDate { get; init; }
    public string? StateMachineVersionArn { get; init; }
    public string? StateMachineAliasArn { get; init; }

    /// <summary>The child's Map Run; AWS returns it only when the listing named a <c>mapRunArn</c>.</summary>
    public string? MapRunArn { get; init; }
    public int? RedriveCount { get; init; }
    public DateTimeOffset? RedriveDate { get; init; }
}
