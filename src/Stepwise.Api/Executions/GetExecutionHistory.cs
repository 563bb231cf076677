using Stepwise.Api.Protocol;

namespace Stepwise.Api.Executions;

/// <summary>The <c>GetExecutionHistory</c> request.</summary>
public sealed record GetExecutionHistoryRequest(
    string? ExecutionArn = null, int? MaxResults = null, bool? ReverseOrder = null, string? NextToken = null, bool? IncludeExecutionData = null);

/// <summary>The <c>GetExecutionHistory</c> response: events in AWS's shape, as the engine records them.</summary>
public sealed record GetExecutionHistoryResponse(IReadOnlyList<RawJson> Events, string? NextToken);
