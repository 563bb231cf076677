using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>What a task invocation produced: an output, or an ASL error.</summary>
public readonly record struct TaskOutcome(JsonValue? Output, string? Error, string? Cause)
{
    /// <summary>True when the task failed.</summary>
    public bool IsFailure => Error is not null;

    /// <summary>A successful outcome.</summary>
    public static TaskOutcome Success(JsonValue output) => new(output, null, null);

    /// <summary>A failed outcome.</summary>
    public static TaskOutcome Failure(string error, string? cause) => new(null, error, cause);
}
