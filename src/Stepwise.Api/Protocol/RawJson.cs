using System.Text.Json.Serialization;

namespace Stepwise.Api.Protocol;

/// <summary>
/// JSON text written into a response as it is (history events, already in AWS's shape), so DTOs can carry engine JSON
/// without a second model.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly record struct RawJson(string Text);
