using Stepwise.Runtime;

namespace Stepwise.Hosting;

/// <summary>A map run and the execution whose distributed Map state runs it.</summary>
/// <param name="ExecutionArn">The execution that owns the run.</param>
/// <param name="StateMachineArn">That execution's state machine.</param>
/// <param name="Run">The run's limits, status and item counts.</param>
public sealed record MapRunDescription(string ExecutionArn, string StateMachineArn, MapRunSummary Run);
