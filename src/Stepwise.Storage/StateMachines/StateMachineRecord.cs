namespace Stepwise.Storage.StateMachines;

/// <summary>What <c>DescribeStateMachine</c> reports about a state machine (its latest revision).</summary>
public sealed record StateMachineRecord
{
    /// <summary>The unqualified ARN (<c>arn:aws:states:&lt;region&gt;:&lt;account&gt;:stateMachine:&lt;name&gt;</c>); the key.</summary>
    public required string StateMachineArn { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="StateMachineTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The definition as the caller sent it (JSON or YAML text), kept verbatim.</summary>
    public required string Definition { get; init; }

    /// <summary>The execution role ARN.</summary>
    public required string RoleArn { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>
    /// Identifies the current revision; every update sets a new one (the caller chooses it, e.g. a GUID), and a
    /// published version records the revision it froze.
    /// </summary>
    public required string RevisionId { get; init; }

    /// <summary>When the definition or role was last updated; null if never.</summary>
    public DateTimeOffset? UpdateDate { get; init; }

    /// <summary>The description given with the current revision, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The logging configuration, JSON text, if any.</summary>
    public string? LoggingConfiguration { get; init; }

    /// <summary>The tracing configuration, JSON text, if any.</summary>
    public string? TracingConfiguration { get; init; }
}
