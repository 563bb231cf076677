using System.Text;
using Stepwise.Api.Tests;
using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded.Api;

/// <summary>
/// Replays one API-level case over HTTP — its earlier calls, then the recorded call — and compares the answer with
/// AWS's: the error code and message of an api_error case, the response of a test_state or validate_definition case.
/// </summary>
internal static class ApiCaseRunner
{
    /// <summary>A guard against a hang (a long poll that never returns, say): every call answers well within this on AWS.</summary>
    private static readonly TimeSpan s_callLimit = TimeSpan.FromSeconds(20);

    public static bool InScope(AwsRecordedCorpus.IndexEntry entry) => entry.Kind is "api_error" or "test_state" or "validate_definition";

    /// <summary>The tally group of the case and null when AWS's answer is reproduced, otherwise what differs.</summary>
    public static async Task<(string Group, string? Failure)> RunAsync(ApiServer shared, string caseId)
    {
        var recorded = AwsRecordedCorpus.Load(caseId);
        string kind = recorded["kind"]!.AsString();
        string action = recorded["action"]!.AsString();
        string group = kind == "api_error" ? action + " errors" : action;
        var priorCalls = recorded["priorCalls"] as JsonArray;
        if (action is "TestState" or "ValidateStateMachineDefinition")
        {
            // These store nothing, so one server serves them all.
            return (group, await ReplayAsync(shared, recorded, kind, action, priorCalls));
        }

        // Every other case runs alone on a clean server: the recorder reused names (ArnPart_0idx) across cases, so a
        // resource one case created must not decide another's outcome.
        await using var own = await SharedApiServer.StartAsync();
        return (group, await ReplayAsync(own, recorded, kind, action, priorCalls));
    }

    private static async Task<string?> ReplayAsync(ApiServer server, JsonObject recorded, string kind, string action, JsonArray? priorCalls)
    {
        bool machineNameBound = WireRequest.CreatesBoundMachine(priorCalls);
        var earlier = new StringBuilder();
        if (priorCalls is not null)
        {
            for (int i = 0; i < priorCalls.Count; i++)
            {
                var call = priorCalls[i].AsObject();
                string priorAction = call["action"]!.AsString();
                var prior = await CallAsync(server, priorAction, WireRequest.Build(call["request"]!.AsObject(), machineNameBound));
                if (prior.Problem is not null || prior.Status != 200)
                {
                    // Some earlier calls are the test's own earlier error cases; their answers only help to read a failure.
                    earlier.Append($"\n  earlier call {i + 1} {priorAction}: {prior.Problem ?? Show(prior.Body)}");
                }
            }
        }

        var answer = await CallAsync(server, action, WireRequest.Build(recorded["request"]!.AsObject(), machineNameBound));
        var expected = recorded["expected"]!.AsObject();
        var comparison = RecordedComparison.For(recorded);
        string? failure = answer.Problem
            ?? (kind == "api_error"
                ? CompareError(action, expected["error"]!.AsObject(), answer.Status, answer.Body!, comparison)
                : CompareResponse(action, expected["response"]!.AsObject(), answer.Status, answer.Body!, comparison));
        return failure is null ? null : failure + earlier;
    }

    private static async Task<(int Status, JsonObject? Body, string? Problem)> CallAsync(ApiServer server, string action, string body)
    {
        try
        {
            var (status, response) = await server.CallAsync(action, body).WaitAsync(s_callLimit);
            return (status, response, null);
        }
        catch (TimeoutException)
        {
            return (0, null, $"{action} did not answer within {s_callLimit.TotalSeconds} s");
        }
#pragma warning disable CA1031 // A broken answer is this case's finding, not a reason to stop the suite.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (0, null, $"{action} failed on the wire: {e.GetType().Name}: {e.Message}");
        }
    }

    private static string? CompareError(string action, JsonObject error, int status, JsonObject body, RecordedComparison comparison)
    {
        string code = error["code"]!.AsString();
        string message = error["message"]!.AsString();
        if (status == 200)
        {
            return $"{action} succeeded with {Show(body)}; AWS answered {code}: {message}";
        }

        // botocore takes the error code from __type after its '#' namespace.
        string type = body["__type"]?.AsString() ?? "";
        string actualCode = type[(type.LastIndexOf('#') + 1)..];
        string actualMessage = body["message"]?.AsString() ?? "";
        return actualCode == code && comparison.Matches(message, actualMessage)
            ? null
            : $"expected {code}: {message}\n  actual   {actualCode}: {actualMessage}";
    }

    private static string? CompareResponse(string action, JsonObject response, int status, JsonObject body, RecordedComparison comparison)
    {
        if (status != 200)
        {
            return $"{action} answered {status} {Show(body)}; AWS answered {Show(response)}";
        }

        return action == "TestState"
            ? comparison.Compare(TestStateText.Parse(response), TestStateText.Parse(body), "response")
            : comparison.Compare(response, body, "response");
    }

    private static string Show(JsonValue? value)
    {
        string text = value?.ToJsonString() ?? "nothing";
        return text.Length > 400 ? text[..400] + "…" : text;
    }
}
