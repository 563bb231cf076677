using System.Globalization;
using System.Text;
using Stepwise.Integrations.Aws;
using Stepwise.Json;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The results of <c>arn:aws:states:::states:startExecution</c> tasks as AWS's Java SDK renders them (corpus:
/// callback/test_start_execution_sync*, services/test_sfn_task_service*): the StartExecution response with its SDK
/// metadata, and the DescribeExecution of the finished child (<c>.sync</c> keeps Input and Output as JSON text,
/// <c>.sync:2</c> parses them). Members are in AWS's (alphabetical) order; dates are epoch milliseconds.
/// </summary>
internal static class NestedExecutionShapes
{
    /// <summary>
    /// The StartExecution response; its Date is the child's start, so a redelivered task and a child that answers
    /// before its parent recorded the start produce the same response.
    /// </summary>
    public static JsonObject StartResponse(ExecutionRecord child, string requestId)
    {
        // The body AWS answered StartExecution with: its length is the Content-Length the metadata reports.
        string body = $"{{\"executionArn\":\"{child.ExecutionArn}\",\"startDate\":{Seconds(child.StartDate)}}}";
        var answer = SdkResponseMetadata.Append(JsonObject.Create(("ExecutionArn", (JsonValue)child.ExecutionArn)), "application/x-amz-json-1.0",
            requestId, Encoding.UTF8.GetByteCount(body), child.StartDate);
        // AWS writes StartDate after the metadata (its members are in alphabetical order).
        return answer.With("StartDate", Milliseconds(child.StartDate));
    }

    /// <summary>The finished child as DescribeExecution reports it; <paramref name="parsed"/> for <c>.sync:2</c>.</summary>
    public static JsonObject Describe(ExecutionRecord child, bool parsed)
    {
        var builder = new JsonObjectBuilder(14);
        if (child.Cause is not null)
        {
            builder.Set("Cause", child.Cause);
        }

        if (child.Error is not null)
        {
            builder.Set("Error", child.Error);
        }

        builder.Set("ExecutionArn", child.ExecutionArn)
            .Set("Input", Text(child.Input, parsed))
            .Set("InputDetails", JsonObject.Create(("Included", JsonValue.True)))
            .Set("Name", child.Name);
        if (child.Output is not null)
        {
            builder.Set("Output", Text(child.Output, parsed))
                .Set("OutputDetails", JsonObject.Create(("Included", JsonValue.True)));
        }

        // AWS added the redrive fields in November 2023 (recorded since: credentials/, local_mocking/ cases).
        builder.Set("RedriveCount", child.RedriveCount);
        if (child.RedriveStatus is not null)
        {
            builder.Set("RedriveStatus", child.RedriveStatus);
        }

        if (child.RedriveStatusReason is not null)
        {
            builder.Set("RedriveStatusReason", child.RedriveStatusReason);
        }

        builder.Set("StartDate", Milliseconds(child.StartDate))
            .Set("StateMachineArn", child.StateMachineArn)
            .Set("Status", child.Status);
        if (child.StopDate is { } stop)
        {
            builder.Set("StopDate", Milliseconds(stop));
        }

        return builder.ToObject();
    }

    private static JsonValue Text(string json, bool parsed) => parsed ? JsonValue.Parse(json) : new JsonString(json);

    private static JsonValue Milliseconds(DateTimeOffset time) => JsonNumber.FromInt64(time.ToUnixTimeMilliseconds());

    private static string Seconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture);
}
