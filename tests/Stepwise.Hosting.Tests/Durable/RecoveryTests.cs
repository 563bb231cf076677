using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class RecoveryTests
{
    [Fact]
    public async Task A_timer_that_came_due_while_no_process_ran_fires_on_restart()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'Next':'P'},'P':{'Type':'Pass','End':true}}}");
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"x\":1}"));

        var restarted = await harness.CrashAndReplaceAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(120));
        await restarted.StartAsync();
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"x\":1}"), JsonValue.Parse(result.Output!));
        HistoryAssert.IsWellFormed(await harness.HistoryAsync(started.ExecutionArn));
    }

    [Fact]
    public async Task A_task_dispatched_but_never_answered_is_dispatched_again_after_its_lease_expires_and_the_step_is_not_repeated()
    {
        const string definition = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'f'},'End':true}}}";
        await using var harness = new DurableHarness();
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Engine.RegisterLambda("f", async (request, ct) =>
        {
            firstCall.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return JsonValue.Null;
        });
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        await firstCall.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var restarted = await harness.CrashAndReplaceAsync();
        int secondCalls = 0;
        restarted.RegisterLambda("f", (request, ct) =>
        {
            Interlocked.Increment(ref secondCalls);
            return ValueTask.FromResult<JsonValue>(JsonValue.Parse("{\"done\":true}"));
        });
        await restarted.StartAsync();
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(120));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(1, secondCalls);
        var history = await harness.HistoryAsync(started.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        Assert.Single(HistoryAssert.Types(history), t => t == "TaskScheduled");
    }

    [Fact]
    public async Task A_graceful_stop_gives_running_work_back_so_a_restart_resumes_it_at_once()
    {
        const string definition = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'f'},'End':true}}}";
        await using var harness = new DurableHarness();
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Engine.RegisterLambda("f", async (request, ct) =>
        {
            called.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return JsonValue.Null;
        });
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        await called.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var stopping = harness.Engine.StopAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        var item = await harness.Store.Work.LeaseAsync("other", harness.Clock.GetUtcNow(), TimeSpan.FromSeconds(30), 10);

        Assert.Single(item);
        Assert.Equal(started.ExecutionArn, item[0].Item.ExecutionArn);
    }
}
