namespace Stepwise.Storage.StateMachines;

/// <summary>A published, immutable version of a state machine (<c>DescribeStateMachine</c> on a version ARN).</summary>
public sealed record StateMachineVersionRecord
{
    /// <summary>The ARN of <paramref name="version"/> of a state machine: its ARN, <c>:</c> and the number.</summary>
    public static string ArnOf(string stateMachineArn, long version) =>
        stateMachineArn + ":" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Version <paramref name="version"/> frozen from the state machine's current revision.</summary>
    public static StateMachineVersionRecord Publish(StateMachineRecord machine, long version, DateTimeOffset creationDate, string? description) => new()
    {
        StateMachineVersionArn = ArnOf(machine.StateMachineArn, version),
        StateMachineArn = machine.StateMachineArn,
        Version = version,
        Definition = machine.Definition,
        RoleArn = machine.RoleArn,
        Type = machine.Type,
        RevisionId = machine.RevisionId,
        CreationDate = creationDate,
        Description = description,
    };

    /// <summary>The version ARN: the state machine ARN followed by <c>:</c> and <see cref="Version"/>.</summary>
    public required string StateMachineVersionArn { get; init; }

    /// <summary>The state machine the version belongs to.</summary>
    public required string StateMachineArn { get; init; }

    /// <summary>The version number: 1 for the first, then one more each time; never reused, even after a deletion.</summary>
    public required long Version { get; init; }

    /// <summary>The definition frozen by the version.</summary>
    public required string Definition { get; init; }

    /// <summary>The role ARN frozen by the version.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The state machine's type.</summary>
    public required string Type { get; init; }

    /// <summary>The state machine revision the version froze.</summary>
    public required string RevisionId { get; init; }

    /// <summary>When the version was published.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>The version description, if any.</summary>
    public string? Description { get; init; }
}
