namespace Stepwise.Api.Executions;

/// <summary>The <c>RedriveExecution</c> request; <c>clientToken</c> makes a repeated redrive a no-op.</summary>
public sealed record RedriveExecutionRequest(string? ExecutionArn = null, string? ClientToken = null);

/// <summary>The <c>RedriveExecution</c> response.</summary>
public sealed record RedriveExecutionResponse(DateTimeOffset RedriveDate);
