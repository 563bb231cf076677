using Stepwise.Api.Protocol;
using Stepwise.Json;
using Stepwise.Runtime.Testing;

namespace Stepwise.Api.TestState;

/// <summary>TestState: runs one state once, with mocks or the engine's task handlers, and reports its data flow.</summary>
internal static class TestStateActions
{
    public static void Register(ApiCatalog catalog)
    {
        var json = TestStateJsonContext.Default;
        catalog.Add("TestState", json.TestStateRequest, json.TestStateResponse, TestAsync);
    }

    private static async Task<TestStateResponse> TestAsync(ApiContext context, TestStateRequest request, CancellationToken cancellationToken)
    {
        var plan = TestStatePlan.Read(request);
        var result = await context.Engine.TestStateAsync(plan.Machine, plan.Options, cancellationToken).ConfigureAwait(false);
        return new TestStateResponse(Status(result.Status), result.Output?.ToJsonString(), result.Error, result.Cause, result.NextState,
            plan.InspectionLevel == "INFO" ? null : Inspection(result.Inspection));
    }

    private static string Status(StateTestStatus status) => status switch
    {
        StateTestStatus.Succeeded => "SUCCEEDED",
        StateTestStatus.Failed => "FAILED",
        StateTestStatus.Retriable => "RETRIABLE",
        _ => "CAUGHT_ERROR",
    };

    /// <summary>DEBUG and TRACE report the same data flow: TRACE adds only an HTTP Task's request and response.</summary>
    private static TestStateInspectionData Inspection(StateInspection data) => new(
        Input: Text(data.Input),
        AfterArguments: Text(data.AfterArguments),
        AfterInputPath: Text(data.AfterInputPath),
        AfterItemsPath: Text(data.AfterItemsPath),
        AfterParameters: Text(data.AfterParameters),
        Result: Text(data.Result),
        AfterResultSelector: Text(data.AfterResultSelector),
        AfterResultPath: Text(data.AfterResultPath),
        Variables: Text(data.Variables),
        ErrorDetails: data.ErrorDetails is { } details
            ? new TestStateErrorDetails(details.CatchIndex, details.RetryIndex, details.RetryBackoffIntervalSeconds)
            : null,
        MaxConcurrency: data.MaxConcurrency,
        ToleratedFailureCount: data.ToleratedFailureCount,
        ToleratedFailurePercentage: data.ToleratedFailurePercentage);

    private static string? Text(JsonValue? value) => value?.ToJsonString();
}
