using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.Versions;

/// <summary>Source-generated serialization of the version actions' DTOs, with <see cref="ApiJsonContext"/>'s options (see <see cref="Executions.ExecutionJsonContext"/> for why a context of its own).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(PublishStateMachineVersionRequest))]
[JsonSerializable(typeof(PublishStateMachineVersionResponse))]
[JsonSerializable(typeof(ListStateMachineVersionsRequest))]
[JsonSerializable(typeof(ListStateMachineVersionsResponse))]
[JsonSerializable(typeof(DeleteStateMachineVersionRequest))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class VersionJsonContext : JsonSerializerContext;
