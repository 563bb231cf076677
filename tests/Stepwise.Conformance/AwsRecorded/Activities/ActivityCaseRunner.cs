using Stepwise.Conformance.AwsRecorded.Executions;
using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Storage.Executions;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.Paging;
using Stepwise.Testing;

namespace Stepwise.Conformance.AwsRecorded.Activities;

/// <summary>
/// Runs one recorded activity case on the durable engine (in-memory store, manual clock) with a test worker that
/// answers as the case's recorded worker did: it polls with the recorded worker name, then sends the success or
/// failure the history shows, or never answers when the task timed out.
/// </summary>
internal static class ActivityCaseRunner
{
    private static readonly DateTimeOffset s_start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A guard against a hang; the manual clock makes the cases' timeouts pass in moments.</summary>
    private static readonly TimeSpan s_realTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>The executions whose only need is an activity worker.</summary>
    public static bool InScope(AwsRecordedCorpus.IndexEntry entry) =>
        entry.Kind == "execution" && entry.Needs is ["activity"];

    /// <summary>Null when the case behaves as AWS recorded it; otherwise the first difference.</summary>
    public static async Task<string?> RunAsync(string caseId)
    {
        var recorded = AwsRecordedCorpus.Load(caseId);
        var history = recorded["history"]!.AsArray();
        var clock = new ManualTimeProvider(s_start);
        await using var engine = new DurableEngine(new InMemoryStore(), new DurableEngineOptions
        {
            AccountId = "111111111111",
            Region = "us-east-1",
            Time = clock,
            RandomSeed = 1,
        });
        await engine.StartAsync();
        using var guard = new CancellationTokenSource(s_realTimeLimit);
        try
        {
            string definition = recorded["definition"]!.ToJsonString();
            string activityArn = ActivityArnOf(recorded["definition"]!.AsObject());
            // A case whose history never scheduled the activity recorded what happens when it does not exist.
            if (Find(history, "ActivityScheduled") is not null)
            {
                await engine.CreateActivityAsync(activityArn[(activityArn.LastIndexOf(':') + 1)..], guard.Token);
            }

            var machine = await engine.CreateStateMachineAsync("ConformanceMachine", definition, cancellationToken: guard.Token);
            var execution = await engine.StartExecutionAsync(machine.StateMachineArn, recorded["input"]!, "conformance-execution",
                cancellationToken: guard.Token);
            await AnswerAsRecordedAsync(engine, activityArn, history, guard.Token);
            var record = await RunOutAsync(engine, clock, execution.ExecutionArn, guard.Token);

            var events = new List<JsonObject>();
            var page = await engine.GetExecutionHistoryAsync(execution.ExecutionArn, PageRequest.First(1000), cancellationToken: guard.Token);
            events.AddRange(page.Items);
            return ExecutionCaseRunner.Compare(recorded, record.Status, record.Output is { } output ? JsonValue.Parse(output) : null,
                record.Error, record.Cause, events);
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            return $"no result within {s_realTimeLimit.TotalSeconds} s of real time";
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>The worker: takes the task with the recorded worker name and answers as the recorded worker did.</summary>
    private static async Task AnswerAsRecordedAsync(DurableEngine engine, string activityArn, JsonArray history, CancellationToken cancellationToken)
    {
        if (Find(history, "ActivityStarted") is not { } started)
        {
            return;
        }

        string? workerName = started["activityStartedEventDetails"]?.AsObject()["workerName"]?.AsString();
        var task = await engine.GetActivityTaskAsync(activityArn, workerName, cancellationToken)
            ?? throw new InvalidOperationException("The worker's poll found no task.");
        if (Find(history, "ActivitySucceeded") is { } succeeded)
        {
            await engine.SendTaskSuccessAsync(task.TaskToken, succeeded["activitySucceededEventDetails"]!.AsObject()["output"]!, cancellationToken);
        }
        else if (Find(history, "ActivityFailed") is { } failed)
        {
            var details = failed["activityFailedEventDetails"]!.AsObject();
            // The corpus parsed a cause that was JSON text; the worker sent the text.
            string? cause = details["cause"] is { } c ? (c is JsonString text ? text.Value : c.ToJsonString()) : null;
            await engine.SendTaskFailureAsync(task.TaskToken, details["error"]?.AsString(), cause, cancellationToken);
        }
    }

    /// <summary>
    /// Waits for the execution to end, moving the manual clock a second at a time while it waits on a timer, and only
    /// once the engine has done what the current instant set off: on a loaded machine a clock moved on regardless ran
    /// past a task's timeout while its child or worker was still being started, and the case recorded another history.
    /// </summary>
    internal static async Task<ExecutionRecord> RunOutAsync(DurableEngine engine, ManualTimeProvider clock, string executionArn, CancellationToken cancellationToken)
    {
        for (int second = 0; second < 600; second++)
        {
            while (!engine.IsIdle)
            {
                await Task.Delay(2, cancellationToken);
            }

            var record = (await engine.DescribeExecutionAsync(executionArn, cancellationToken))!;
            if (record.Status != ExecutionStatuses.Running)
            {
                return record;
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        throw new InvalidOperationException("The execution still runs after ten minutes of its clock.");
    }

    private static string ActivityArnOf(JsonObject definition)
    {
        foreach (var (_, state) in definition["States"]!.AsObject())
        {
            if (state.AsObject()["Resource"] is JsonString { Value: var resource } && resource.Contains(":activity:", StringComparison.Ordinal))
            {
                return resource;
            }
        }

        throw new InvalidOperationException("The case's definition has no activity Task.");
    }

    private static JsonObject? Find(JsonArray history, string type)
    {
        foreach (var e in history)
        {
            if (e.AsObject()["type"] is JsonString { Value: var t } && t == type)
            {
                return e.AsObject();
            }
        }

        return null;
    }
}
