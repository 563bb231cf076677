namespace Stepwise.Api.Executions;

/// <summary>The <c>StopExecution</c> request.</summary>
public sealed record StopExecutionRequest(string? ExecutionArn = null, string? Error = null, string? Cause = null);

/// <summary>The <c>StopExecution</c> response.</summary>
public sealed record StopExecutionResponse(DateTimeOffset StopDate);
