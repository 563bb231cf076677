using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.Tasks;

/// <summary>
/// Source-generated serialization of the task-token callback actions' DTOs, with <see cref="ApiJsonContext"/>'s options. A context of its
/// own: the JSON source generator generates a partial context once per declaration that carries
/// <c>[JsonSerializable]</c>, so a second such declaration of ApiJsonContext collides with the first.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(SendTaskSuccessRequest))]
[JsonSerializable(typeof(SendTaskFailureRequest))]
[JsonSerializable(typeof(SendTaskHeartbeatRequest))]
[JsonSerializable(typeof(SendTaskResponse))]
internal sealed partial class TaskJsonContext : JsonSerializerContext;
