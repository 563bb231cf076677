namespace Stepwise.Api.Aliases;

/// <summary>The <c>DescribeStateMachineAlias</c> request.</summary>
public sealed record DescribeStateMachineAliasRequest(string? StateMachineAliasArn = null);

/// <summary>The <c>DescribeStateMachineAlias</c> response.</summary>
public sealed record DescribeStateMachineAliasResponse(
    string StateMachineAliasArn, string Name, string? Description, IReadOnlyList<RoutingConfigurationListItem> RoutingConfiguration,
    DateTimeOffset CreationDate, DateTimeOffset? UpdateDate);
