using System.Text.Json.Serialization;

namespace Stepwise.Api.Protocol;

/// <summary>The state machine actions' DTOs.</summary>
[JsonSerializable(typeof(Stepwise.Api.StateMachines.ListStateMachinesRequest))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.ListStateMachinesResponse))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.CreateStateMachineRequest))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.CreateStateMachineResponse))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.DescribeStateMachineRequest))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.DescribeStateMachineResponse))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.UpdateStateMachineRequest))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.UpdateStateMachineResponse))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.DeleteStateMachineRequest))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.DescribeStateMachineForExecutionRequest))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.DescribeStateMachineForExecutionResponse))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.LoggingConfiguration))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.TracingConfiguration))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class ApiJsonContext;
