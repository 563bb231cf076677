namespace Stepwise.Api.Aliases;

/// <summary>The <c>DeleteStateMachineAlias</c> request.</summary>
public sealed record DeleteStateMachineAliasRequest(string? StateMachineAliasArn = null);
