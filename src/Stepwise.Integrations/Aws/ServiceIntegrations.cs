using System.Globalization;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// AWS service integrations forwarded to the operator's endpoints: the optimized <c>dynamodb:getItem|putItem|updateItem|deleteItem</c>,
/// <c>sqs:sendMessage</c>, <c>sns:publish</c> and <c>events:putEvents</c> (request-response and <c>.waitForTaskToken</c>), and
/// <c>aws-sdk:&lt;service&gt;:&lt;action&gt;</c> for the JSON- and query-protocol services <see cref="AwsService"/> knows.
/// Results and errors take the shapes Step Functions gives them (see the corpus's <c>services/</c> cases).
/// </summary>
internal sealed class ServiceIntegrations(IntegrationsConfiguration configuration, AwsServiceClient client)
{
    private const string ServicePrefix = ":states:::";
    private const string WaitForTaskToken = ".waitForTaskToken";

    /// <summary>The outcome, or null when <paramref name="invocation"/>'s resource is not an AWS service integration.</summary>
    public async ValueTask<TaskOutcome?> TryInvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (!TryParse(invocation.Resource, out var service, out string? serviceName, out string? action, out bool sdk, out bool waits))
        {
            return null;
        }

        if (service is null)
        {
            return TaskOutcome.Failure("States.Runtime",
                $"Stepwise cannot call the aws-sdk service '{serviceName}': it speaks the JSON and query protocols of dynamodb, sqs, sns, events, secretsmanager, kinesis, logs, ssm, kms and states.");
        }

        string errorPrefix = sdk ? service.SdkV2Name : service.OptimizedPrefix;
        if (configuration.GetEndpoint(service.Key) is not { } endpoint)
        {
            return TaskOutcome.Failure(errorPrefix + ".SdkClientException",
                $"No endpoint is configured for the service '{service.Key}': set endpoints.{service.Key} in stepwise.json or STEPWISE_ENDPOINT_{service.Key.ToUpperInvariant()}.");
        }

        var parameters = invocation.Parameters as JsonObject ?? JsonObject.Empty;
        if (!sdk)
        {
            parameters = OptimizedRequest(service.Key, action!, parameters);
        }

        AwsServiceResponse response;
        try
        {
            response = await client.CallAsync(service, endpoint, action!, parameters, invocation.Region, invocation.RequestId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            string status = e.StatusCode.ToString(CultureInfo.InvariantCulture);
            return TaskOutcome.Failure(errorPrefix + "." + service.ExceptionName(e.Code, sdk), sdk
                ? $"{e.Message} (Service: {service.SdkV2Name}, Status Code: {status}, Request ID: {e.RequestId})"
                : $"{e.Message} (Service: {service.JavaV1Name}; Status Code: {status}; Error Code: {e.CauseCode}; Request ID: {e.RequestId}; Proxy: null)");
        }
        catch (HttpRequestException e)
        {
            return TaskOutcome.Failure(errorPrefix + ".SdkClientException", "Unable to execute HTTP request: " + e.Message);
        }

        JsonObject result = response.Body;
        if (!sdk && service.Key == "events")
        {
            // putEvents answers 200 even when entries fail; the integration fails the task with the answer as cause.
            if (result["FailedEntryCount"] is JsonNumber failed && failed.ToDouble() > 0)
            {
                return TaskOutcome.Failure("EventBridge.FailedEntry", result.ToJsonString());
            }
        }
        else if (!sdk)
        {
            result = SdkResponseMetadata.Append(result, service, response, invocation.Now);
        }

        return waits ? TaskOutcome.Submitted(result) : TaskOutcome.Success(result);
    }

    private static bool TryParse(string resource, out AwsService? service, out string? serviceName, out string? action, out bool sdk, out bool waits)
    {
        service = null;
        serviceName = action = null;
        sdk = waits = false;
        int start = resource.IndexOf(ServicePrefix, StringComparison.Ordinal);
        if (start < 0 || !resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        string rest = resource[(start + ServicePrefix.Length)..];
        waits = rest.EndsWith(WaitForTaskToken, StringComparison.Ordinal);
        if (waits)
        {
            rest = rest[..^WaitForTaskToken.Length];
        }

        var parts = rest.Split(':');
        if (parts.Length == 3 && parts[0] == "aws-sdk" && parts[2].Length > 0)
        {
            sdk = true;
            serviceName = parts[1];
            service = AwsService.Find(serviceName);
            // ASL spells SDK actions in camelCase (putItem); the wire wants the operation name (PutItem).
            action = char.ToUpperInvariant(parts[2][0]) + parts[2][1..];
            return true;
        }

        if (parts.Length != 2)
        {
            return false;
        }

        action = parts[1] switch
        {
            "getItem" or "putItem" or "updateItem" or "deleteItem" when parts[0] == "dynamodb" => char.ToUpperInvariant(parts[1][0]) + parts[1][1..],
            "sendMessage" when parts[0] == "sqs" => "SendMessage",
            "publish" when parts[0] == "sns" => "Publish",
            "putEvents" when parts[0] == "events" => "PutEvents",
            _ => null,
        };
        serviceName = parts[0];
        service = action is null ? null : AwsService.Find(serviceName);
        return action is not null;
    }

    /// <summary>
    /// What the optimized integrations do before calling: JSON given where the API takes text (an SQS MessageBody, an SNS
    /// Message, an EventBridge entry's Detail) is sent as its JSON text.
    /// </summary>
    private static JsonObject OptimizedRequest(string service, string action, JsonObject parameters)
    {
        switch (service, action)
        {
            case ("sqs", "SendMessage"):
                return AsText(parameters, "MessageBody");
            case ("sns", "Publish"):
                return AsText(parameters, "Message");
            case ("events", "PutEvents") when parameters["Entries"] is JsonArray entries:
                var converted = new JsonValue[entries.Count];
                for (int i = 0; i < converted.Length; i++)
                {
                    converted[i] = entries[i] is JsonObject entry ? AsText(entry, "Detail") : entries[i];
                }

                return parameters.With("Entries", JsonArray.TakeOwnership(converted));
            default:
                return parameters;
        }
    }

    private static JsonObject AsText(JsonObject parameters, string name) =>
        parameters[name] is { } value && value is not JsonString && !value.IsNull ? parameters.With(name, value.ToJsonString()) : parameters;
}
