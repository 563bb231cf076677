namespace Stepwise.Api.Aliases;

/// <summary>The <c>ListStateMachineAliases</c> request.</summary>
public sealed record ListStateMachineAliasesRequest(string? StateMachineArn = null, string? NextToken = null, int? MaxResults = null);

/// <summary>The <c>ListStateMachineAliases</c> response.</summary>
public sealed record ListStateMachineAliasesResponse(IReadOnlyList<StateMachineAliasListItem> StateMachineAliases, string? NextToken);

/// <summary>One alias of a <c>ListStateMachineAliases</c> response.</summary>
public sealed record StateMachineAliasListItem(string StateMachineAliasArn, DateTimeOffset CreationDate);
