namespace Stepwise.Api.StateMachines;

/// <summary>The <c>DeleteStateMachine</c> request.</summary>
public sealed record DeleteStateMachineRequest(string? StateMachineArn = null);
