using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>A service's successful answer as JSON, with the request id and the byte length AWS's own answer would have had.</summary>
internal sealed record AwsServiceResponse(JsonObject Body, string RequestId, int ContentLength, string BodyText);
