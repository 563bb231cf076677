namespace Stepwise.Api.Aliases;

/// <summary>One route of an alias: a version ARN and the percentage (0–100) of starts it receives.</summary>
public sealed record RoutingConfigurationListItem(string? StateMachineVersionArn = null, int? Weight = null);
