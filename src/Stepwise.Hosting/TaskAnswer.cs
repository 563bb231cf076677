using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Hosting;

/// <summary>
/// One <c>SendTaskSuccess</c>, <c>SendTaskFailure</c> or <c>SendTaskHeartbeat</c>, as both engines take it: an
/// <paramref name="Output"/> is a success, a <paramref name="Heartbeat"/> a heartbeat, anything else a failure.
/// </summary>
internal readonly record struct TaskAnswer(JsonValue? Output, string? Error, string? Cause, bool Heartbeat)
{
    public static TaskAnswer Success(JsonValue output) => new(output, null, null, Heartbeat: false);

    public static TaskAnswer Failure(string? error, string? cause) => new(null, error, cause, Heartbeat: false);

    public static TaskAnswer Beat => new(null, null, null, Heartbeat: true);

    /// <summary>The stimulus that delivers this answer to the task <paramref name="taskId"/>.</summary>
    public Stimulus ToStimulus(long taskId) => this switch
    {
        { Heartbeat: true } => new TaskHeartbeatStimulus(taskId),
        { Output: { } output } => new TaskSucceededStimulus(taskId, output),
        // AWS records a failure sent without an error with no error field; Retry and Catch match it as an empty name.
        _ => new TaskFailedStimulus(taskId, Error ?? string.Empty, Cause),
    };
}
