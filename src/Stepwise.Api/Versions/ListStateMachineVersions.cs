namespace Stepwise.Api.Versions;

/// <summary>The <c>ListStateMachineVersions</c> request.</summary>
public sealed record ListStateMachineVersionsRequest(string? StateMachineArn = null, string? NextToken = null, int? MaxResults = null);

/// <summary>The <c>ListStateMachineVersions</c> response, newest first.</summary>
public sealed record ListStateMachineVersionsResponse(IReadOnlyList<StateMachineVersionListItem> StateMachineVersions, string? NextToken);

/// <summary>One version of a <c>ListStateMachineVersions</c> response.</summary>
public sealed record StateMachineVersionListItem(string StateMachineVersionArn, DateTimeOffset CreationDate);
