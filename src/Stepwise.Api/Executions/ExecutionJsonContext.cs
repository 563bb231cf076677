using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.Executions;

/// <summary>
/// Source-generated serialization of the execution actions' DTOs, with <see cref="ApiJsonContext"/>'s options. A
/// context of its own: the System.Text.Json generator fails when [JsonSerializable] attributes sit on two partial
/// declarations of one context (each declaration generates the shared types again).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(StartSyncExecutionRequest))]
[JsonSerializable(typeof(StartSyncExecutionResponse))]
[JsonSerializable(typeof(StopExecutionRequest))]
[JsonSerializable(typeof(StopExecutionResponse))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
[JsonSerializable(typeof(ListExecutionsRequest))]
[JsonSerializable(typeof(ListExecutionsResponse))]
[JsonSerializable(typeof(GetExecutionHistoryRequest))]
[JsonSerializable(typeof(GetExecutionHistoryResponse))]
internal sealed partial class ExecutionJsonContext : JsonSerializerContext;
