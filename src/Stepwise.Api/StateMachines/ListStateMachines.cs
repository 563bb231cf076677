namespace Stepwise.Api.StateMachines;

/// <summary>The <c>ListStateMachines</c> request.</summary>
public sealed record ListStateMachinesRequest(int? MaxResults = null, string? NextToken = null);

/// <summary>The <c>ListStateMachines</c> response.</summary>
public sealed record ListStateMachinesResponse(IReadOnlyList<StateMachineListItem> StateMachines, string? NextToken);

/// <summary>One state machine of a <c>ListStateMachines</c> response.</summary>
public sealed record StateMachineListItem(string StateMachineArn, string Name, string Type, DateTimeOffset CreationDate);
