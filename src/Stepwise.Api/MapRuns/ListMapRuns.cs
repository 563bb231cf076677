namespace Stepwise.Api.MapRuns;

/// <summary>The <c>ListMapRuns</c> request: an execution ARN and paging.</summary>
public sealed record ListMapRunsRequest(string? ExecutionArn = null, int? MaxResults = null, string? NextToken = null);

/// <summary>The <c>ListMapRuns</c> response.</summary>
public sealed record ListMapRunsResponse(IReadOnlyList<MapRunListItem> MapRuns, string? NextToken);

/// <summary>One map run of a <c>ListMapRuns</c> response.</summary>
public sealed record MapRunListItem
{
    public required string ExecutionArn { get; init; }
    public required string MapRunArn { get; init; }
    public required string StateMachineArn { get; init; }
    public required DateTimeOffset StartDate { get; init; }
    public DateTimeOffset? StopDate { get; init; }
}
