using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.Definitions;

/// <summary>
/// Source-generated serialization of the definition and TestState actions' DTOs, with <see cref="ApiJsonContext"/>'s
/// options. A context of its own rather than a partial of <see cref="ApiJsonContext"/>: the System.Text.Json generator
/// fails when [JsonSerializable] attributes sit on two partial declarations of one context (dotnet/runtime#99669).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(ValidateStateMachineDefinitionRequest))]
[JsonSerializable(typeof(ValidateStateMachineDefinitionResponse))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;
