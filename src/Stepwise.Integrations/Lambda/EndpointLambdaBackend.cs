using System.Globalization;
using Stepwise.Integrations.Aws;
using Stepwise.Json;

namespace Stepwise.Integrations.Lambda;

/// <summary>
/// A function served by any endpoint that speaks Lambda's Invoke API
/// (<c>POST /2015-03-31/functions/{name}/invocations</c>): SAM local, LocalStack, moto or AWS itself. Function errors
/// (<c>X-Amz-Function-Error</c>) become the function's errorType; service errors become <c>Lambda.&lt;ErrorCode&gt;</c>
/// (<c>Lambda.ServiceException</c> for an unnamed 5xx, <c>Lambda.AWSLambdaException</c> for an unnamed 4xx) and
/// network failures <c>Lambda.SdkClientException</c>, with the cause text AWS's Java SDK writes.
/// </summary>
internal sealed class EndpointLambdaBackend(AwsHttpClient client, Uri endpoint) : LambdaBackend
{
    public override async ValueTask<JsonValue> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        string path = $"2015-03-31/functions/{Uri.EscapeDataString(invocation.FunctionName)}/invocations";
        if (invocation.Qualifier is { } qualifier)
        {
            path += "?Qualifier=" + Uri.EscapeDataString(qualifier);
        }

        var uri = new Uri(endpoint, endpoint.AbsolutePath.EndsWith('/') ? path : endpoint.AbsolutePath + "/" + path);
        AwsHttpResponse response;
        try
        {
            response = await client.SendAsync(HttpMethod.Post, uri, "lambda", invocation.Region, System.Text.Encoding.UTF8.GetBytes(invocation.Payload.ToJsonString()),
                "application/json", [new("X-Amz-Invocation-Type", invocation.InvocationType)], cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TaskFailedException("Lambda.SdkClientException", "Unable to execute HTTP request: " + e.Message);
        }

        if (response.FunctionError is not null)
        {
            var error = JsonValue.TryParse(response.Body, out var parsed, out _) ? parsed as JsonObject : null;
            throw new LambdaFunctionException(
                error?["errorType"] is JsonString type ? type.Value : response.FunctionError,
                error?["errorMessage"] is JsonString message ? message.Value : response.Body,
                LambdaResponses.StackTrace(error?["stackTrace"]));
        }

        if (!response.IsSuccess)
        {
            throw ServiceError(response, invocation.RequestId);
        }

        // Event and DryRun invocations answer 202/204 with no body; the task result's Payload is then empty.
        if (response.Body.Length == 0)
        {
            return JsonString.Empty;
        }

        return JsonValue.TryParse(response.Body, out var payload, out _) ? payload : new JsonString(response.Body);
    }

    private static TaskFailedException ServiceError(AwsHttpResponse response, string fallbackRequestId)
    {
        var body = JsonValue.TryParse(response.Body, out var parsed, out _) ? parsed as JsonObject : null;
        string? code = response.ErrorType is { } type ? type.Split(':')[0] : (body?["__type"] ?? body?["Type"]) is JsonString t ? t.Value : null;
        if (code is "User" or "Service")
        {
            code = null;
        }

        string message = (body?["message"] ?? body?["Message"]) is JsonString m ? m.Value : response.Body;
        string error = code is not null && code.EndsWith("Exception", StringComparison.Ordinal) ? "Lambda." + code
            : response.StatusCode >= 500 ? "Lambda.ServiceException"
            : "Lambda.AWSLambdaException";
        string status = response.StatusCode.ToString(CultureInfo.InvariantCulture);
        return new TaskFailedException(error,
            $"{message} (Service: AWSLambda; Status Code: {status}; Error Code: {code ?? error[7..]}; Request ID: {response.RequestId ?? fallbackRequestId}; Proxy: null)");
    }

}
