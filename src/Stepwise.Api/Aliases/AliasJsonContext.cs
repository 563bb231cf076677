using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.Aliases;

/// <summary>Source-generated serialization of the alias actions' DTOs, with <see cref="ApiJsonContext"/>'s options (see <see cref="Executions.ExecutionJsonContext"/> for why a context of its own).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(CreateStateMachineAliasRequest))]
[JsonSerializable(typeof(CreateStateMachineAliasResponse))]
[JsonSerializable(typeof(DescribeStateMachineAliasRequest))]
[JsonSerializable(typeof(DescribeStateMachineAliasResponse))]
[JsonSerializable(typeof(UpdateStateMachineAliasRequest))]
[JsonSerializable(typeof(UpdateStateMachineAliasResponse))]
[JsonSerializable(typeof(DeleteStateMachineAliasRequest))]
[JsonSerializable(typeof(ListStateMachineAliasesRequest))]
[JsonSerializable(typeof(ListStateMachineAliasesResponse))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class AliasJsonContext : JsonSerializerContext;
