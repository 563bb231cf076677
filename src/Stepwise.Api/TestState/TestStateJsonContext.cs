using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.TestState;

/// <summary>
/// Source-generated serialization of TestState's DTOs, with <see cref="ApiJsonContext"/>'s options (a context of its
/// own: see <see cref="Definitions.DefinitionJsonContext"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(TestStateRequest))]
[JsonSerializable(typeof(TestStateResponse))]
internal sealed partial class TestStateJsonContext : JsonSerializerContext;
