namespace Stepwise.Api.Executions;

/// <summary>
/// The <c>StartExecution</c> request. <c>stateMachineArn</c> may name a version or an alias, and, as in Step Functions
/// Local, end in <c>#&lt;TestCase&gt;</c> to run a test case of the configured mock file.
/// </summary>
public sealed record StartExecutionRequest(string? StateMachineArn = null, string? Name = null, string? Input = null, string? TraceHeader = null);

/// <summary>The <c>StartExecution</c> response.</summary>
public sealed record StartExecutionResponse(string ExecutionArn, DateTimeOffset StartDate);
