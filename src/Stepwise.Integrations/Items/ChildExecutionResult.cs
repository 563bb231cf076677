using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>One finished child execution of a Map Run, as the ResultWriter exports it.</summary>
/// <param name="ExecutionArn">The child's execution ARN.</param>
/// <param name="Name">The child's execution name.</param>
/// <param name="Status">SUCCEEDED, FAILED, TIMED_OUT or ABORTED (PENDING for items never started).</param>
/// <param name="Input">The child's input (the item or batch).</param>
/// <param name="Output">The child's output when it succeeded.</param>
/// <param name="Error">The error name when it failed.</param>
/// <param name="Cause">The cause text when it failed.</param>
/// <param name="StartDate">When the child started.</param>
/// <param name="StopDate">When the child stopped.</param>
public sealed record ChildExecutionResult(string ExecutionArn, string Name, string Status, JsonValue Input,
    JsonValue? Output, string? Error, string? Cause, DateTimeOffset StartDate, DateTimeOffset StopDate)
{
    /// <summary>The ARN of the state machine the child ran (the Map Run's child state machine); null omits it from the export.</summary>
    public string? StateMachineArn { get; init; }
}
