namespace Stepwise.Api.Aliases;

/// <summary>The <c>CreateStateMachineAlias</c> request.</summary>
public sealed record CreateStateMachineAliasRequest(
    string? Name = null, string? Description = null, IReadOnlyList<RoutingConfigurationListItem>? RoutingConfiguration = null);

/// <summary>The <c>CreateStateMachineAlias</c> response.</summary>
public sealed record CreateStateMachineAliasResponse(string StateMachineAliasArn, DateTimeOffset CreationDate);
