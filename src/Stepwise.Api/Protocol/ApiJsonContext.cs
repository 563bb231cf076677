using System.Text.Json.Serialization;

namespace Stepwise.Api.Protocol;

/// <summary>
/// Source-generated serialization of every request and response DTO. Each feature area adds its own
/// <c>[JsonSerializable]</c> attributes on a partial declaration in its folder; the options here apply to all:
/// camelCase members as AWS names them, absent members left out, timestamps as epoch seconds (AWS JSON 1.0).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
public sealed partial class ApiJsonContext : JsonSerializerContext;
