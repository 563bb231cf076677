using Stepwise.Json;

namespace Stepwise.Hosting.MapRuns;

/// <summary>How a Map Run's child execution ended.</summary>
/// <param name="Status">SUCCEEDED, FAILED, TIMED_OUT or ABORTED (<see cref="ExecutionStatus"/> as AWS spells it).</param>
/// <param name="Output">The output when it succeeded.</param>
/// <param name="Error">The error when it failed or timed out.</param>
/// <param name="Cause">The cause when it failed.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it ended.</param>
internal sealed record MapRunChildOutcome(string Status, JsonValue? Output, string? Error, string? Cause, DateTimeOffset StartDate, DateTimeOffset StopDate);
