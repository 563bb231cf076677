namespace Stepwise.Storage.StateMachines;

/// <summary>A state machine alias as <c>DescribeStateMachineAlias</c> reports it.</summary>
public sealed record StateMachineAliasRecord
{
    /// <summary>The alias ARN: the state machine ARN followed by <c>:</c> and <see cref="Name"/>; the key.</summary>
    public required string StateMachineAliasArn { get; init; }

    /// <summary>The state machine the alias belongs to.</summary>
    public required string StateMachineArn { get; init; }

    /// <summary>The alias name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The versions the alias routes executions to, with weights summing to 100 (AWS allows one or two routes; the
    /// API validates, the store keeps what it is given, in order).
    /// </summary>
    public required IReadOnlyList<AliasRoute> RoutingConfiguration { get; init; }

    /// <summary>When the alias was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>When it was last updated; null if never.</summary>
    public DateTimeOffset? UpdateDate { get; init; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; init; }
}
