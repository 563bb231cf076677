using System.Text;
using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// Calls one action of a JSON- or query-protocol service at a configured endpoint and returns its answer as JSON;
/// an error answer throws <see cref="AwsServiceException"/>, a network failure <see cref="HttpRequestException"/>.
/// </summary>
internal sealed class AwsServiceClient(AwsHttpClient http)
{
    public async Task<AwsServiceResponse> CallAsync(AwsService service, Uri endpoint, string action, JsonObject parameters, string defaultRegion,
        string fallbackRequestId, CancellationToken cancellationToken)
    {
        bool rest = service.Protocol == AwsProtocol.RestJson;
        bool json = rest || service.Protocol == AwsProtocol.Json;
        string body = json ? WithoutNulls(parameters).ToJsonString() : QueryProtocol.Encode(action, service.Version, parameters);
        var response = await http.SendAsync(HttpMethod.Post, rest ? new Uri(endpoint, "v1/" + action.ToLowerInvariant()) : endpoint,
            service.SigningName, defaultRegion, Encoding.UTF8.GetBytes(body),
            rest ? "application/json" : json ? "application/x-amz-json-" + service.Version : "application/x-www-form-urlencoded; charset=utf-8",
            json && !rest ? [new("X-Amz-Target", service.Target + "." + action)] : [], cancellationToken).ConfigureAwait(false);
        string requestId = response.RequestId ?? fallbackRequestId;
        if (!response.IsSuccess)
        {
            throw json ? JsonError(response, requestId) : QueryError(response, requestId);
        }

        if (json)
        {
            var answer = response.Body.Length == 0 ? JsonObject.Empty
                : JsonValue.TryParse(response.Body, out var parsed, out _) && parsed is JsonObject obj ? obj
                : throw new HttpRequestException($"The {service.Key} endpoint answered {action} with something that is not a JSON object.");
            string text = answer.ToJsonString();
            return new AwsServiceResponse(answer, requestId, Encoding.UTF8.GetByteCount(text), text);
        }

        JsonObject result;
        try
        {
            result = QueryProtocol.ParseResult(action, response.Body);
        }
        catch (System.Xml.XmlException e)
        {
            throw new HttpRequestException($"The {service.Key} endpoint answered {action} with XML that cannot be read: {e.Message}");
        }

        return new AwsServiceResponse(result, requestId, QueryProtocol.AwsLength(action, service.Key, service.Version, result), response.Body);
    }

    /// <summary>An SDK sends no member for a null parameter; the service then reports it missing, as AWS does.</summary>
    private static JsonObject WithoutNulls(JsonObject parameters)
    {
        var result = parameters;
        foreach (var (name, value) in parameters)
        {
            if (value.IsNull)
            {
                result = result.Without(name);
            }
        }

        return result;
    }

    private static AwsServiceException JsonError(AwsHttpResponse response, string requestId)
    {
        var body = JsonValue.TryParse(response.Body, out var parsed, out _) ? parsed as JsonObject : null;
        string? type = body?["__type"] is JsonString t ? t.Value : response.ErrorType;
        string code = type is null ? "UnknownError" : type[(type.LastIndexOf('#') + 1)..].Split(':')[0];
        string message = (body?["message"] ?? body?["Message"]) is JsonString m ? m.Value : response.Body;
        // Services that speak JSON for query-protocol clients (SQS) also send the code those clients know.
        string causeCode = response.QueryError is { } queryError ? queryError.Split(';')[0] : code;
        return new AwsServiceException(response.StatusCode, code, causeCode, message, requestId);
    }

    private static AwsServiceException QueryError(AwsHttpResponse response, string requestId)
    {
        var (code, message, bodyRequestId) = QueryProtocol.ParseError(response.Body);
        code ??= "UnknownError";
        return new AwsServiceException(response.StatusCode, code, code, message ?? response.Body, response.RequestId ?? bodyRequestId ?? requestId);
    }
}
