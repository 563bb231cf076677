namespace Stepwise.Api.Aliases;

/// <summary>The <c>UpdateStateMachineAlias</c> request: a new description, routing configuration, or both.</summary>
public sealed record UpdateStateMachineAliasRequest(
    string? StateMachineAliasArn = null, string? Description = null, IReadOnlyList<RoutingConfigurationListItem>? RoutingConfiguration = null);

/// <summary>The <c>UpdateStateMachineAlias</c> response.</summary>
public sealed record UpdateStateMachineAliasResponse(DateTimeOffset UpdateDate);
