using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>The execution ended.</summary>
public sealed record FinishExecutionCommand(ExecutionOutcome Outcome, JsonValue? Output, string? Error, string? Cause) : ExecutionCommand;
