using System.Text.Json.Serialization;

namespace Stepwise.Api.Protocol;

/// <summary>The state machine actions' DTOs.</summary>
[JsonSerializable(typeof(Stepwise.Api.StateMachines.ListStateMachinesRequest))]
[JsonSerializable(typeof(Stepwise.Api.StateMachines.ListStateMachinesResponse))]
public sealed partial class ApiJsonContext;
