using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// Calls to one service on behalf of one task: each answer, or the task's failure named as Step Functions names it
/// (the Java SDK v1 names for optimized integrations, the SDK v2 names for <c>aws-sdk:*</c>).
/// </summary>
internal sealed class ServiceCall(AwsService service, Uri endpoint, bool sdk, TaskInvocation invocation)
{
    public AwsService Service => service;

    public TaskInvocation Invocation => invocation;

    /// <summary>The answer, or (null, the failure) when the service refused or could not be reached.</summary>
    public async Task<(AwsServiceResponse? Response, TaskOutcome Failure)> SendAsync(AwsServiceClient client, string action, JsonObject parameters,
        CancellationToken cancellationToken)
    {
        string errorPrefix = sdk ? service.SdkV2Name : service.OptimizedPrefix;
        try
        {
            return (await client.CallAsync(service, endpoint, action, parameters, invocation.Region, invocation.RequestId, cancellationToken).ConfigureAwait(false), default);
        }
        catch (AwsServiceException e)
        {
            string status = e.StatusCode.ToString(CultureInfo.InvariantCulture);
            return (null, TaskOutcome.Failure(errorPrefix + "." + service.ExceptionName(e.Code, sdk), sdk
                ? $"{e.Message} (Service: {service.SdkV2Name}, Status Code: {status}, Request ID: {e.RequestId})"
                : $"{e.Message} (Service: {service.JavaV1Name}; Status Code: {status}; Error Code: {e.CauseCode}; Request ID: {e.RequestId}; Proxy: null)"));
        }
        catch (HttpRequestException e)
        {
            return (null, TaskOutcome.Failure(errorPrefix + ".SdkClientException", "Unable to execute HTTP request: " + e.Message));
        }
    }
}
