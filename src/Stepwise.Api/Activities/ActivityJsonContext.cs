using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.Activities;

/// <summary>
/// Source-generated serialization of the activity actions' DTOs, with <see cref="ApiJsonContext"/>'s options. A context of its
/// own: the JSON source generator generates a partial context once per declaration that carries
/// <c>[JsonSerializable]</c>, so a second such declaration of ApiJsonContext collides with the first.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(CreateActivityRequest))]
[JsonSerializable(typeof(CreateActivityResponse))]
[JsonSerializable(typeof(ActivityArnRequest))]
[JsonSerializable(typeof(ActivityDescription))]
[JsonSerializable(typeof(DeleteActivityResponse))]
[JsonSerializable(typeof(ListActivitiesRequest))]
[JsonSerializable(typeof(ListActivitiesResponse))]
[JsonSerializable(typeof(GetActivityTaskRequest))]
[JsonSerializable(typeof(GetActivityTaskResponse))]
internal sealed partial class ActivityJsonContext : JsonSerializerContext;
