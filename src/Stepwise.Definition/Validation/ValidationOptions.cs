namespace Stepwise.Definition.Validation;

/// <summary>What the validator needs to know besides the definition itself.</summary>
public sealed record ValidationOptions
{
    /// <summary>Options for a STANDARD state machine.</summary>
    public static ValidationOptions Standard { get; } = new();

    /// <summary>Options for an EXPRESS state machine.</summary>
    public static ValidationOptions Express { get; } = new() { IsExpress = true };

    /// <summary>
    /// True for an EXPRESS state machine: AWS then rejects activities and the <c>.sync</c> and
    /// <c>.waitForTaskToken</c> integration patterns. Default false (STANDARD).
    /// </summary>
    public bool IsExpress { get; init; }
}
