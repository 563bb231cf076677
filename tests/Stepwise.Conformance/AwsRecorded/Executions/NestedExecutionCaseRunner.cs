using Stepwise.Conformance.AwsRecorded.Activities;
using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.Paging;
using Stepwise.Testing;

namespace Stepwise.Conformance.AwsRecorded.Executions;

/// <summary>
/// Runs a recorded case that starts executions of other state machines: on the durable engine (in-memory store, manual
/// clock), which is where nested executions run, after creating the child state machines its test created
/// (<see cref="NestedStateMachines"/>).
/// </summary>
internal static class NestedExecutionCaseRunner
{
    private static readonly DateTimeOffset s_start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A guard against a hang; the manual clock makes the cases' timeouts pass in moments.</summary>
    private static readonly TimeSpan s_realTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>Null when the case behaves as AWS recorded it; otherwise the first difference.</summary>
    public static async Task<string?> RunAsync(string caseId, JsonObject recorded, JsonValue input)
    {
        var clock = new ManualTimeProvider(s_start);
        await using var store = new InMemoryStore();
        await using var engine = new DurableEngine(store, new DurableEngineOptions { AccountId = "111111111111", Region = "us-east-1", Time = clock, RandomSeed = 1 });
        using var guard = new CancellationTokenSource(s_realTimeLimit);
        try
        {
            await engine.StartAsync(guard.Token);
            foreach (var (name, definition) in NestedStateMachines.ChildrenOf(caseId))
            {
                await engine.CreateStateMachineAsync(name, definition.ToJsonString(), cancellationToken: guard.Token);
            }

            foreach (string function in NestedStateMachines.HangingLambdasOf(caseId))
            {
                engine.RegisterLambda(function, static async (_, cancellationToken) =>
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    return JsonValue.Null;
                });
            }

            var machine = await engine.CreateStateMachineAsync("ConformanceMachine", recorded["definition"]!.ToJsonString(), cancellationToken: guard.Token);
            var execution = await engine.StartExecutionAsync(machine.StateMachineArn, input, "conformance-execution", cancellationToken: guard.Token);
            var record = await ActivityCaseRunner.RunOutAsync(engine, clock, execution.ExecutionArn, guard.Token);
            var page = await engine.GetExecutionHistoryAsync(execution.ExecutionArn, PageRequest.First(1000), cancellationToken: guard.Token);
            return ExecutionCaseRunner.Compare(recorded, record.Status, record.Output is { } output ? JsonValue.Parse(output) : null,
                record.Error, record.Cause, [.. page.Items]);
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
}
