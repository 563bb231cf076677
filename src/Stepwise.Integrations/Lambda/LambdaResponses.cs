using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Integrations.Lambda;

/// <summary>The AWS-shaped pieces of a Lambda result: the <c>lambda:invoke</c> response and the function-error cause.</summary>
internal static class LambdaResponses
{
    /// <summary>
    /// The Invoke API response the optimised <c>lambda:invoke</c> integration returns as the task result:
    /// <c>{ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}</c>.
    /// </summary>
    /// <param name="payload">The function's result.</param>
    /// <param name="requestId">The invocation's request id.</param>
    /// <param name="now">The invocation time (the <c>Date</c> header).</param>
    /// <param name="tailLog">True for <c>"LogType": "Tail"</c>: the response then carries a base64 <c>LogResult</c>.</param>
    /// <param name="statusCode">200, or 202 for an <c>Event</c> invocation and 204 for a <c>DryRun</c>.</param>
    public static JsonObject InvokeResponse(JsonValue payload, string requestId, DateTimeOffset now, bool tailLog, int statusCode = 200)
    {
        string? logResult = tailLog
            ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
                $"START RequestId: {requestId} Version: $LATEST\nEND RequestId: {requestId}\nREPORT RequestId: {requestId}\tDuration: 1.00 ms\tBilled Duration: 1 ms\n"))
            : null;
        // The function's raw response is what a Python handler's json.dumps wrote, spaces included.
        string length = System.Text.Encoding.UTF8.GetByteCount(payload.ToJsonString(JsonLayout.Spaced)).ToString(CultureInfo.InvariantCulture);
        string date = now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        string trace = "root=1-" + requestId.Replace("-", string.Empty, StringComparison.Ordinal)[..8] + "-" + requestId.Replace("-", string.Empty, StringComparison.Ordinal)[8..];
        var allHeaders = new JsonObjectBuilder(9);
        if (logResult is not null)
        {
            allHeaders.Set("X-Amz-Log-Result", JsonArray.Create(logResult));
        }

        allHeaders
            .Set("X-Amz-Executed-Version", JsonArray.Create("$LATEST"))
            .Set("x-amzn-Remapped-Content-Length", JsonArray.Create("0"))
            .Set("Connection", JsonArray.Create("keep-alive"))
            .Set("x-amzn-RequestId", JsonArray.Create(requestId))
            .Set("Content-Length", JsonArray.Create(length))
            .Set("Date", JsonArray.Create(date))
            .Set("X-Amzn-Trace-Id", JsonArray.Create(trace))
            .Set("Content-Type", JsonArray.Create("application/json"));
        var headers = new JsonObjectBuilder(9)
            .Set("Connection", "keep-alive")
            .Set("Content-Length", length)
            .Set("Content-Type", "application/json")
            .Set("Date", date)
            .Set("X-Amz-Executed-Version", "$LATEST");
        if (logResult is not null)
        {
            headers.Set("X-Amz-Log-Result", logResult);
        }

        headers
            .Set("x-amzn-Remapped-Content-Length", "0")
            .Set("x-amzn-RequestId", requestId)
            .Set("X-Amzn-Trace-Id", trace);
        var response = new JsonObjectBuilder(6).Set("ExecutedVersion", "$LATEST");
        if (logResult is not null)
        {
            response.Set("LogResult", logResult);
        }

        return response
            .Set("Payload", payload)
            .Set("SdkHttpMetadata", new JsonObjectBuilder(3)
                .Set("AllHttpHeaders", allHeaders.ToObject())
                .Set("HttpHeaders", headers.ToObject())
                .Set("HttpStatusCode", statusCode)
                .ToObject())
            .Set("SdkResponseMetadata", JsonObject.Create(("RequestId", (JsonValue)requestId)))
            .Set("StatusCode", statusCode)
            .ToObject();
    }

    /// <summary>The cause AWS records for a function error; Python-spaced for a bare function ARN, compact for lambda:invoke.</summary>
    public static string ErrorCause(string errorType, string errorMessage, IReadOnlyList<string> stackTrace, string requestId, bool pythonStyle)
    {
        var lines = new JsonValue[stackTrace.Count];
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = stackTrace[i];
        }

        var cause = new JsonObjectBuilder(4)
            .Set("errorMessage", errorMessage)
            .Set("errorType", errorType)
            .Set("requestId", requestId)
            .Set("stackTrace", JsonArray.TakeOwnership(lines))
            .ToObject();
        return cause.ToJsonString(pythonStyle ? JsonLayout.Spaced : JsonLayout.Compact);
    }

    /// <summary>The lines of a Lambda error's <c>stackTrace</c> (non-string entries as their JSON text).</summary>
    public static string[] StackTrace(JsonValue? value)
    {
        if (value is not JsonArray lines)
        {
            return [];
        }

        var result = new string[lines.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = lines[i] is JsonString s ? s.Value : lines[i].ToJsonString();
        }

        return result;
    }

    public static string NotFoundCause(string functionName, string region, string accountId, string requestId) =>
        $"Function not found: arn:aws:lambda:{region}:{accountId}:function:{functionName}:$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: {requestId}; Proxy: null)";
}
