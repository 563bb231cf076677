using System.Text.Json.Serialization;
using Stepwise.Api.Protocol;

namespace Stepwise.Api.MapRuns;

/// <summary>Source-generated serialization of the map run actions' DTOs, with <see cref="ApiJsonContext"/>'s options.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(ListMapRunsRequest))]
[JsonSerializable(typeof(ListMapRunsResponse))]
[JsonSerializable(typeof(DescribeMapRunRequest))]
[JsonSerializable(typeof(DescribeMapRunResponse))]
[JsonSerializable(typeof(UpdateMapRunRequest))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class MapRunJsonContext : JsonSerializerContext;
