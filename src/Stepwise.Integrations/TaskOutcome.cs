using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>
/// What a task invocation produced: an output, an ASL error, or (<see cref="IsSubmitted"/>) a <c>.waitForTaskToken</c>
/// call that went out and now waits for its token, with the service's response as <see cref="Output"/>.
/// </summary>
public readonly record struct TaskOutcome(JsonValue? Output, string? Error, string? Cause, bool IsSubmitted = false)
{
    /// <summary>True when the task failed.</summary>
    public bool IsFailure => Error is not null;

    /// <summary>A successful outcome.</summary>
    public static TaskOutcome Success(JsonValue output) => new(output, null, null);

    /// <summary>A failed outcome.</summary>
    public static TaskOutcome Failure(string error, string? cause) => new(null, error, cause);

    /// <summary>A call made for a <c>.waitForTaskToken</c> resource: the task goes on waiting for <c>SendTaskSuccess</c>/<c>Failure</c>.</summary>
    public static TaskOutcome Submitted(JsonValue response) => new(response, null, null, IsSubmitted: true);
}
