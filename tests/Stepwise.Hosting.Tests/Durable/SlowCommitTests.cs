using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>
/// A loaded machine, made certain: every step commit takes real time. The manual clock still moves only once the engine
/// has done what the current instant set off, so each run sees the instants AWS's semantics give, never later ones.
/// </summary>
public sealed class SlowCommitTests
{
    private static readonly TimeSpan s_commitDelay = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_task_claimed_by_a_poll_that_died_is_handed_out_again_the_instant_the_claim_lapses()
    {
        await using var harness = new DurableHarness(new CountingStore { CommitDelay = s_commitDelay });
        await harness.Engine.StartAsync();
        var activity = await harness.Engine.CreateActivityAsync("resize");
        string machine = await harness.CreateAsync("{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'" + activity.ActivityArn + "','End':true}}}");
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        var claimedAt = harness.Clock.GetUtcNow();
        var lease = DurableHarness.Options(harness.Clock).LeaseDuration;
        Assert.NotNull(await harness.Store.Activities.ClaimTaskAsync(activity.ActivityArn, claimedAt, claimedAt + lease));

        var restarted = await harness.CrashAndReplaceAsync();
        await restarted.StartAsync();
        var poll = restarted.GetActivityTaskAsync(activity.ActivityArn, "after-restart");
        await harness.AdvanceUntilAsync(() => Task.FromResult(poll.IsCompleted), lease);

        Assert.NotNull(await poll);
        Assert.Equal(claimedAt + lease, harness.Clock.GetUtcNow());
        var history = await harness.HistoryAsync(started.ExecutionArn);
        var activityStarted = Assert.Single(history, e => e["type"]!.AsString() == "ActivityStarted");
        Assert.Equal(Seconds(history[0]) + lease.TotalSeconds, Seconds(activityStarted));
    }

    [Fact]
    public async Task A_sync_task_starts_its_child_before_the_clock_reaches_the_task_s_timeout_which_then_stops_the_child()
    {
        const string Sync = "arn:aws:states:::states:startExecution.sync";
        await using var harness = new DurableHarness(new CountingStore { CommitDelay = s_commitDelay });
        await harness.Engine.StartAsync();
        string child = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}", "child");
        string parentMachine = await harness.CreateAsync(
            "{'StartAt':'Start','States':{'Start':{'Type':'Task','Resource':'" + Sync + "','TimeoutSeconds':2,"
            + "'Parameters':{'StateMachineArn.$':'$.arn','Name':'child-run'},'End':true}}}", "parent");
        var parent = await harness.Engine.StartExecutionAsync(parentMachine, JsonValue.Parse("{\"arn\":\"" + child + "\"}"));

        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(parent.ExecutionArn), TimeSpan.FromSeconds(2));
        var childRun = await harness.WaitAsync(child.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":child-run");

        var result = (await harness.Engine.DescribeExecutionAsync(parent.ExecutionArn))!;
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(DurableHarness.Start.AddSeconds(2), result.StopDate);
        var history = await harness.HistoryAsync(parent.ExecutionArn);
        Assert.Equal(Seconds(history[0]), Seconds(Assert.Single(history, e => e["type"]!.AsString() == "TaskSubmitted")));
        Assert.Equal(ExecutionStatuses.Aborted, childRun.Status);
        Assert.Empty(harness.Errors);
    }

    private static double Seconds(JsonObject historyEvent) => historyEvent["timestamp"]!.AsNumber().ToDouble();
}
