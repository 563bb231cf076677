namespace Stepwise.Api.Versions;

/// <summary>The <c>DeleteStateMachineVersion</c> request.</summary>
public sealed record DeleteStateMachineVersionRequest(string? StateMachineVersionArn = null);
