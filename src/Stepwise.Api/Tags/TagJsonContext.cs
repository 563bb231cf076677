using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.Tags;

/// <summary>
/// Source-generated serialization of the tagging actions' DTOs, with <see cref="ApiJsonContext"/>'s options. A context of its
/// own: the JSON source generator generates a partial context once per declaration that carries
/// <c>[JsonSerializable]</c>, so a second such declaration of ApiJsonContext collides with the first.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(TagResourceRequest))]
[JsonSerializable(typeof(TagResourceResponse))]
[JsonSerializable(typeof(UntagResourceRequest))]
[JsonSerializable(typeof(UntagResourceResponse))]
[JsonSerializable(typeof(ListTagsForResourceRequest))]
[JsonSerializable(typeof(ListTagsForResourceResponse))]
internal sealed partial class TagJsonContext : JsonSerializerContext;
