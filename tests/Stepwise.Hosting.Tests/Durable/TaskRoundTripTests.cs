using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class TaskRoundTripTests
{
    private const string ThreeTasks = """
        {'StartAt':'A','States':{
          'A':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'inc','Payload.$':'$'},'OutputPath':'$.Payload','Next':'B'},
          'B':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'inc','Payload.$':'$'},'OutputPath':'$.Payload','Next':'C'},
          'C':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'inc','Payload.$':'$'},'OutputPath':'$.Payload','End':true}}}
        """;

    private static ValueTask<JsonValue> Increment(Stepwise.Integrations.TaskRequest request, CancellationToken cancellationToken)
    {
        long n = request.Input.AsObject()["n"]!.AsNumber().TryGetInt64(out long value) ? value : 0;
        return ValueTask.FromResult<JsonValue>(JsonObject.Create(("n", JsonNumber.FromInt64(n + 1))));
    }

    // The cache never looks into the snapshot it holds.
    private static CachedSnapshot Entry(string arn, long lastEventId) => new(arn, lastEventId, null!);

    [Fact]
    public void A_taken_snapshot_is_gone_and_a_full_cache_evicts_the_one_stored_longest_ago()
    {
        var cache = new SnapshotCache(2);
        cache.Put(Entry("a", 1));
        cache.Put(Entry("b", 1));
        cache.Put(Entry("a", 2));
        cache.Put(Entry("c", 1));

        Assert.Equal(2, cache.Count);
        Assert.Null(cache.Take("b"));
        Assert.Equal(2, cache.Take("a")!.LastEventId);
        Assert.Null(cache.Take("a"));
        Assert.Equal(1, cache.Take("c")!.LastEventId);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_chain_of_in_process_tasks_that_answer_at_once_runs_in_the_step_that_starts_the_execution()
    {
        var store = new CountingStore();
        await using var harness = new DurableHarness(store);
        harness.Engine.RegisterLambda("inc", Increment);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(ThreeTasks);

        var result = await harness.RunAsync(machine, "{\"n\":1}");

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"n\":4}"), JsonValue.Parse(result.Output!));
        var history = await harness.HistoryAsync(result.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        Assert.Equal(3, HistoryAssert.Types(history).Count(t => t == "TaskSucceeded"));
        Assert.Equal(0, store.Commits);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_chain_of_in_process_tasks_that_answer_later_calls_each_once_and_steps_on_the_cached_snapshot()
    {
        var store = new CountingStore();
        await using var harness = new DurableHarness(store);
        int calls = 0;
        harness.Engine.RegisterLambda("inc", async (request, ct) =>
        {
            Interlocked.Increment(ref calls);
            // Answers a (manual) second later: never at once, so each task's work item picks up the running call.
            await Task.Delay(TimeSpan.FromSeconds(1), harness.Clock, ct);
            return await Increment(request, ct);
        });
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(ThreeTasks);

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"n\":1}"));
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromMinutes(10));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"n\":4}"), JsonValue.Parse(result.Output!));
        HistoryAssert.IsWellFormed(await harness.HistoryAsync(result.ExecutionArn));
        Assert.Equal(3, calls);
        Assert.Equal(3, store.Commits);
        Assert.Equal(0, store.SnapshotReads);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_cached_snapshot_outdated_by_another_node_s_commit_is_decided_again_on_the_stored_one()
    {
        await using var harness = new DurableHarness();
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Engine.RegisterLambda("inc", async (request, ct) =>
        {
            called.TrySetResult();
            await answer.Task;
            return await Increment(request, ct);
        });
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(ThreeTasks);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"n\":1}"));
        await called.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Another node stops the execution while this one's task runs, so this node's cached snapshot is outdated.
        await using (var other = new DurableEngine(harness.Store, DurableHarness.Options(harness.Clock)))
        {
            await other.StopExecutionAsync(started.ExecutionArn, "Stopped", "by the other node");
        }

        answer.SetResult();
        var result = await harness.WaitAsync(started.ExecutionArn);
        // The task's own step runs after the stop: its commit takes the task's work item out of the queue.
        for (int i = 0; i < 2000 && await harness.Store.Work.GetNextAvailableAtAsync() is not null; i++)
        {
            await Task.Delay(10);
        }

        Assert.Null(await harness.Store.Work.GetNextAvailableAtAsync());
        Assert.Empty(harness.Errors);

        Assert.Equal(ExecutionStatuses.Aborted, result.Status);
        var history = await harness.HistoryAsync(started.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        Assert.Equal("ExecutionAborted", HistoryAssert.Types(history)[^1]);
        Assert.DoesNotContain("TaskSucceeded", HistoryAssert.Types(history));
    }
}
