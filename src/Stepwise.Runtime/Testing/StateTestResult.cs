using Stepwise.Json;

namespace Stepwise.Runtime.Testing;

/// <summary>What TestState answers for one tested state.</summary>
/// <param name="Status">How the state ended.</param>
/// <param name="Output">The state's output (a catcher's output for <see cref="StateTestStatus.CaughtError"/>); null when it failed.</param>
/// <param name="Error">The error, for every status but <see cref="StateTestStatus.Succeeded"/>.</param>
/// <param name="Cause">The error's cause, when it has one.</param>
/// <param name="NextState">The state the execution would go to; null for a terminal state or a failure.</param>
/// <param name="Inspection">The data flow's intermediate values.</param>
public sealed record StateTestResult(StateTestStatus Status, JsonValue? Output, string? Error, string? Cause, string? NextState,
    StateInspection Inspection);
