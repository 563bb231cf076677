using Stepwise.Integrations.Configuration;
using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// AWS service integrations forwarded to the operator's endpoints: the optimized <c>dynamodb:getItem|putItem|updateItem|deleteItem</c>,
/// <c>sqs:sendMessage</c>, <c>sns:publish</c>, <c>events:putEvents</c>, <c>ecs:runTask</c>, <c>batch:submitJob</c>, <c>glue:startJobRun</c>,
/// <c>codebuild:startBuild</c> and <c>athena:startQueryExecution</c> (request-response and <c>.waitForTaskToken</c>; the
/// last five also <c>.sync</c>, see <see cref="SyncJobs"/>), and <c>aws-sdk:&lt;service&gt;:&lt;action&gt;</c> for the JSON-
/// and query-protocol services <see cref="AwsService"/> knows. Results and errors take the shapes Step Functions gives
/// them (see the corpus's <c>services/</c> cases).
/// </summary>
internal sealed partial class ServiceIntegrations(IntegrationsConfiguration configuration, AwsServiceClient client, TimeProvider time)
{
    private const string ServicePrefix = ":states:::";
    private const string WaitForTaskToken = ".waitForTaskToken";

    /// <summary>The outcome, or null when <paramref name="invocation"/>'s resource is not an AWS service integration.</summary>
    public async ValueTask<TaskOutcome?> TryInvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (!TryParse(invocation.Resource, out var service, out string? serviceName, out string? action, out bool sdk, out var pattern))
        {
            return null;
        }

        if (service is null)
        {
            return TaskOutcome.Failure("States.Runtime",
                $"Stepwise cannot call the aws-sdk service '{serviceName}': it speaks the protocols of dynamodb, sqs, sns, events, secretsmanager, kinesis, logs, ssm, kms, states, ecs, batch, glue, codebuild and athena.");
        }

        var job = pattern == Pattern.Sync ? SyncJobs.Find(service.Key, action!) : null;
        if (pattern == Pattern.Sync && (sdk || job is null))
        {
            return TaskOutcome.Failure("States.Runtime",
                $"The resource '{invocation.Resource}' has no .sync (Run a Job) form: AWS offers it for {SyncJobs.Names} (and states:startExecution).");
        }

        string errorPrefix = sdk ? service.SdkV2Name : service.OptimizedPrefix;
        if (configuration.GetEndpoint(service.Key) is not { } endpoint)
        {
            return TaskOutcome.Failure(errorPrefix + ".SdkClientException",
                $"No endpoint is configured for the service '{service.Key}': set endpoints.{service.Key} in stepwise.json or STEPWISE_ENDPOINT_{service.Key.ToUpperInvariant()}.");
        }

        var parameters = invocation.Parameters as JsonObject ?? JsonObject.Empty;
        if (service.CamelCaseMembers)
        {
            // ASL spells parameters in PascalCase for every integration style; these services' wire is camelCase.
            parameters = MemberNames.ToCamel(parameters).AsObject();
        }
        else if (!sdk)
        {
            parameters = OptimizedRequest(service.Key, action!, parameters);
        }

        var call = new ServiceCall(service, endpoint, sdk, invocation);
        var (response, failure) = await call.SendAsync(client, action!, parameters, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return failure;
        }

        JsonObject result = service.CamelCaseMembers ? MemberNames.ToPascal(response.Body).AsObject() : response.Body;
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

        return pattern switch
        {
            Pattern.WaitForTaskToken => TaskOutcome.Submitted(result),
            Pattern.Sync => await RunJobAsync(job!, call, parameters, response.Body, result, cancellationToken).ConfigureAwait(false),
            _ => TaskOutcome.Success(result),
        };
    }

    private static bool TryParse(string resource, out AwsService? service, out string? serviceName, out string? action, out bool sdk, out Pattern pattern)
    {
        service = null;
        serviceName = action = null;
        sdk = false;
        pattern = Pattern.RequestResponse;
        int start = resource.IndexOf(ServicePrefix, StringComparison.Ordinal);
        if (start < 0 || !resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        string rest = resource[(start + ServicePrefix.Length)..];
        if (rest.EndsWith(WaitForTaskToken, StringComparison.Ordinal))
        {
            pattern = Pattern.WaitForTaskToken;
            rest = rest[..^WaitForTaskToken.Length];
        }
        else if (rest.EndsWith(".sync", StringComparison.Ordinal) || rest.EndsWith(".sync:2", StringComparison.Ordinal))
        {
            pattern = Pattern.Sync;
            rest = rest[..rest.LastIndexOf(".sync", StringComparison.Ordinal)];
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
            "runTask" when parts[0] == "ecs" => "RunTask",
            "submitJob" when parts[0] == "batch" => "SubmitJob",
            "startJobRun" when parts[0] == "glue" => "StartJobRun",
            "startBuild" when parts[0] == "codebuild" => "StartBuild",
            "startQueryExecution" when parts[0] == "athena" => "StartQueryExecution",
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
