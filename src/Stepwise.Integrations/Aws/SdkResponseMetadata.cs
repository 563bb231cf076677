using System.Globalization;
using System.Text;
using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// The <c>SdkHttpMetadata</c> and <c>SdkResponseMetadata</c> the optimized DynamoDB, SQS and SNS integrations (and
/// nested Step Functions executions) add to a result, with the headers AWS's own endpoints send (as the corpus records
/// them): a stand-in's headers differ, so they are rebuilt from the answer rather than copied.
/// </summary>
public static class SdkResponseMetadata
{
    internal static JsonObject Append(JsonObject body, AwsService service, AwsServiceResponse response, DateTimeOffset now)
    {
        string contentType = service.Protocol switch
        {
            AwsProtocol.Query => "text/xml",
            AwsProtocol.RestJson => "application/json",
            _ => "application/x-amz-json-" + service.Version,
        };
        if (service.Key != "dynamodb")
        {
            return Append(body, contentType, response.RequestId, response.ContentLength, now);
        }

        string length = response.ContentLength.ToString(CultureInfo.InvariantCulture);
        string date = now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        string crc = Crc32(Encoding.UTF8.GetBytes(response.BodyText)).ToString(CultureInfo.InvariantCulture);
        var all = new JsonObjectBuilder(7)
            .Set("Server", JsonArray.Create("Server"))
            .Set("Connection", JsonArray.Create("keep-alive"))
            .Set("x-amzn-RequestId", JsonArray.Create(response.RequestId))
            .Set("x-amz-crc32", JsonArray.Create(crc))
            .Set("Content-Length", JsonArray.Create(length))
            .Set("Date", JsonArray.Create(date))
            .Set("Content-Type", JsonArray.Create(contentType))
            .ToObject();
        var headers = new JsonObjectBuilder(7)
            .Set("Connection", "keep-alive")
            .Set("Content-Length", length)
            .Set("Content-Type", contentType)
            .Set("Date", date)
            .Set("Server", "Server")
            .Set("x-amz-crc32", crc)
            .Set("x-amzn-RequestId", response.RequestId)
            .ToObject();
        return With(body, all, headers, response.RequestId);
    }

    /// <summary>
    /// <paramref name="body"/> with the metadata of an answer of <paramref name="contentLength"/> bytes of
    /// <paramref name="contentType"/> that AWS sent at <paramref name="now"/> with <paramref name="requestId"/>.
    /// </summary>
    public static JsonObject Append(JsonObject body, string contentType, string requestId, int contentLength, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        string length = contentLength.ToString(CultureInfo.InvariantCulture);
        string date = now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        var all = new JsonObjectBuilder(5)
            .Set("x-amzn-RequestId", JsonArray.Create(requestId))
            .Set("connection", JsonArray.Create("keep-alive"))
            .Set("Content-Length", JsonArray.Create(length))
            .Set("Date", JsonArray.Create(date))
            .Set("Content-Type", JsonArray.Create(contentType))
            .ToObject();
        var headers = new JsonObjectBuilder(5)
            .Set("connection", "keep-alive")
            .Set("Content-Length", length)
            .Set("Content-Type", contentType)
            .Set("Date", date)
            .Set("x-amzn-RequestId", requestId)
            .ToObject();
        return With(body, all, headers, requestId);
    }

    private static JsonObject With(JsonObject body, JsonObject all, JsonObject headers, string requestId) => body
        .With("SdkHttpMetadata", new JsonObjectBuilder(3).Set("AllHttpHeaders", all).Set("HttpHeaders", headers).Set("HttpStatusCode", 200).ToObject())
        .With("SdkResponseMetadata", JsonObject.Create(("RequestId", (JsonValue)requestId)));

    /// <summary>CRC-32 (IEEE), what DynamoDB's <c>x-amz-crc32</c> header carries for the body.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
