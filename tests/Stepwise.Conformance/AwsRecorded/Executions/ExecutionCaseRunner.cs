using Stepwise.Hosting;
using Stepwise.Hosting.Durable;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.Paging;
using Stepwise.Testing;

namespace Stepwise.Conformance.AwsRecorded.Executions;

/// <summary>Runs one recorded execution case on a fresh engine (virtual clock) and compares it with what AWS recorded.</summary>
internal static class ExecutionCaseRunner
{
    /// <summary>A guard against a hang: no case needs anywhere near this much real time under the virtual clock.</summary>
    private static readonly TimeSpan s_realTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the runner can run the case: an execution that needs nothing but Lambda mocks, the services it forwards
    /// to moto (SQS, SNS, DynamoDB, EventBridge, and S3 for Distributed Map ItemReaders and ResultWriters) and the child
    /// state machines of nested executions.
    /// </summary>
    public static bool InScope(AwsRecordedCorpus.IndexEntry entry) =>
        entry.Kind == "execution" && entry.Needs.All(need => need.StartsWith("lambda", StringComparison.Ordinal) || ServiceSetup.IsServiceNeed(need)
            || S3Fixtures.IsS3Need(need) || need == NestedStateMachines.Need);

    /// <summary>Null when the case behaves as AWS recorded it; otherwise the first difference.</summary>
    public static async Task<string?> RunAsync(string caseId, MotoServer moto)
    {
        var recorded = AwsRecordedCorpus.Load(caseId);
        if (recorded["input"] is not { } input)
        {
            return "the case has no JSON input (inputRaw): StartExecution rejects it before any execution exists";
        }

        if (recorded["needs"] is JsonArray nested && nested.Any(need => need.AsString() == NestedStateMachines.Need))
        {
            return await NestedExecutionCaseRunner.RunAsync(caseId, recorded, input);
        }

        if (recorded["expected"] is JsonObject { } expected && expected["status"] is JsonString { Value: "ABORTED" })
        {
            return await RunStoppedAsync(recorded, input);
        }

        var integrations = new IntegrationsConfiguration();
        if (recorded["needs"] is JsonArray needs && needs.Any(need => ServiceSetup.IsServiceNeed(need.AsString())))
        {
            await ServiceSetup.CreateResourcesAsync(moto, recorded);
            foreach (string service in new[] { "sqs", "sns", "dynamodb", "events" })
            {
                integrations.SetEndpoint(service, moto.Endpoint);
            }
        }

        if (recorded["needs"] is JsonArray s3Needs && s3Needs.Any(need => S3Fixtures.IsS3Need(need.AsString())))
        {
            await S3Fixtures.UploadAsync(moto, caseId);
            integrations.SetEndpoint("s3", moto.Endpoint);
        }

        await using var engine = new StepwiseEngine(new StepwiseEngineOptions
        {
            AccountId = MotoServer.AccountId,
            Region = "us-east-1",
            FastTime = true,
            RandomSeed = 1,
            Integrations = integrations,
        });
        LambdaMocks.Register(engine, recorded);

        using var guard = new CancellationTokenSource(s_realTimeLimit);
        ExecutionResult result;
        try
        {
            result = await engine.RunAsync(
                recorded["definition"]!,
                input,
                new RunOptions
                {
                    StateMachineName = "ConformanceMachine",
                    ExecutionName = "conformance-execution",
                    Type = recorded["stateMachineType"] is JsonString { Value: "EXPRESS" } ? StateMachineType.Express : StateMachineType.Standard,
                },
                guard.Token);
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            return $"no result within {s_realTimeLimit.TotalSeconds} s of real time";
        }
#pragma warning disable CA1031 // A crash is a finding to report for this case, not a reason to stop the suite.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"the engine threw {e.GetType().Name}: {e.Message}";
        }

        return Compare(recorded, result.Status.ToAwsString(), result.Output, result.Error, result.Cause,
            result.History.Select(e => e.ToAwsJson()).ToList());
    }

    /// <summary>
    /// Null when an execution's status, output, error, cause and history (<paramref name="events"/>, oldest first, as
    /// GetExecutionHistory returns them) are what AWS recorded for the case; otherwise the first difference.
    /// </summary>
    public static string? Compare(JsonObject recorded, string status, JsonValue? output, string? error, string? cause, List<JsonObject> events)
    {
        var expected = recorded["expected"]!.AsObject();
        var comparison = RecordedComparison.For(recorded);
        if (status != expected["status"]!.AsString())
        {
            return $"status: expected {expected["status"]}, got {status} (error {error}, cause {cause})";
        }

        if (expected["output"] is { } expectedOutput && comparison.Compare(expectedOutput, output, "output") is { } outputDifference)
        {
            return outputDifference;
        }

        // outputText pins key order and number spelling. Some recorders kept Python's rendering or a field name instead
        // of AWS's text, so only a text that is JSON counts, and it is compared in AWS's compact form.
        if (expected["outputText"] is JsonString outputText && output is { } actualOutput
            && JsonValue.TryParse(outputText.Value, out var recordedOutput, out _)
            && !comparison.Matches(recordedOutput.ToJsonString(), actualOutput.ToJsonString()))
        {
            return $"output text: expected {recordedOutput.ToJsonString()}, got {actualOutput.ToJsonString()}";
        }

        if (status is "FAILED" or "TIMED_OUT")
        {
            if (CompareOptional(comparison, expected["error"], error, "error") is { } errorDifference)
            {
                return errorDifference;
            }

            if (CompareOptional(comparison, expected["cause"], cause, "cause") is { } causeDifference)
            {
                return causeDifference;
            }
        }

        if (recorded["history"] is JsonArray history)
        {
            bool dropped = recorded["recorderArtifacts"] is JsonObject artifacts && artifacts.ContainsKey("droppedParallelOutcomeEvents");
            if (IsReversed(history))
            {
                // The test read the history with reverseOrder=true.
                events.Reverse();
            }

            return HistoryComparison.Compare(comparison, history, events, dropped);
        }

        return null;
    }

    /// <summary>
    /// AWS ends an execution ABORTED only through StopExecution, so a recorded ABORTED case was stopped by its test
    /// while the execution waited. It runs on the durable engine and is stopped as soon as StartExecution returns
    /// (the first step, up to the first wait, is committed by then); its stored history is compared.
    /// </summary>
    private static async Task<string?> RunStoppedAsync(JsonObject recorded, JsonValue input)
    {
        using var guard = new CancellationTokenSource(s_realTimeLimit);
        await using var store = new InMemoryStore();
        await using var engine = new DurableEngine(store, new DurableEngineOptions { AccountId = "111111111111", Region = "us-east-1", RandomSeed = 1 });
        await engine.StartAsync(guard.Token);
        var machine = await engine.CreateStateMachineAsync("ConformanceMachine", recorded["definition"]!.ToJsonString(), cancellationToken: guard.Token);
        var started = await engine.StartExecutionAsync(machine.StateMachineArn, input, "conformance-execution", cancellationToken: guard.Token);
        var stopped = await engine.StopExecutionAsync(started.ExecutionArn, cancellationToken: guard.Token);
        if (stopped.Status != "ABORTED")
        {
            return $"status: expected \"ABORTED\", got {stopped.Status} (it ended before the stop)";
        }

        if (recorded["history"] is not JsonArray history)
        {
            return null;
        }

        var events = new List<JsonObject>();
        string? token = null;
        do
        {
            var page = await engine.GetExecutionHistoryAsync(started.ExecutionArn, new PageRequest(1000, token), cancellationToken: guard.Token);
            events.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);

        if (IsReversed(history))
        {
            events.Reverse();
        }

        return HistoryComparison.Compare(RecordedComparison.For(recorded), history, events, droppedParallelOutcomes: false);
    }

    private static bool IsReversed(JsonArray history) =>
        history.Count > 1 && history[^1].AsObject()["type"] is JsonString { Value: "ExecutionStarted" };

    private static string? CompareOptional(RecordedComparison comparison, JsonValue? expected, string? actual, string what)
    {
        if (expected is null)
        {
            return actual is null ? null : $"{what}: AWS sent none, got {actual}";
        }

        return comparison.Compare(expected, actual is null ? null : new JsonString(actual), what);
    }
}
