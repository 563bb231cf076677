using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class ActivityTests
{
    private static string Machine(string activityArn, string extra = "") =>
        "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'" + activityArn + "'" + extra + ",'End':true}}}";

    [Fact]
    public async Task An_activity_task_waits_for_a_worker_who_takes_it_by_name_and_answers_with_its_token()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        var activity = await harness.Engine.CreateActivityAsync("resize");
        string machine = await harness.CreateAsync(Machine(activity.ActivityArn));
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"size\":3}"));

        var task = await harness.Engine.GetActivityTaskAsync(activity.ActivityArn, "worker-7");
        Assert.NotNull(task);
        Assert.Equal(JsonValue.Parse("{\"size\":3}"), JsonValue.Parse(task.Input));
        Assert.Equal(TaskTokenAnswer.Accepted, await harness.Engine.SendTaskSuccessAsync(task.TaskToken, JsonValue.Parse("{\"size\":6}")));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"size\":6}"), JsonValue.Parse(result.Output!));
        var history = await harness.HistoryAsync(started.ExecutionArn);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"],
            HistoryAssert.Types(history));
        Assert.Equal("worker-7", history[3]["activityStartedEventDetails"]!.AsObject()["workerName"]!.AsString());
        Assert.Equal(TaskTokenAnswer.TaskDoesNotExist, await harness.Engine.SendTaskSuccessAsync(task.TaskToken, JsonValue.Parse("{}")));
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task On_SQLite_a_task_claimed_by_a_poll_killed_before_recording_ActivityStarted_is_handed_out_again_once_the_claim_lapses()
    {
        string database = Path.Combine(Path.GetTempPath(), $"stepwise-activity-{Guid.NewGuid():N}.db");
        try
        {
            await using var harness = new DurableHarness(new SqliteStore(new SqliteStoreOptions { Path = database }));
            await harness.Engine.StartAsync();
            var activity = await harness.Engine.CreateActivityAsync("resize");
            string machine = await harness.CreateAsync(Machine(activity.ActivityArn));
            var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"size\":3}"));
            // The first half of GetActivityTask (the claim), in a process killed before the commit that records ActivityStarted.
            var claimedAt = harness.Clock.GetUtcNow();
            var lease = DurableHarness.Options(harness.Clock).LeaseDuration;
            var claimed = await harness.Store.Activities.ClaimTaskAsync(activity.ActivityArn, claimedAt, claimedAt + lease);
            Assert.NotNull(claimed);

            var restarted = await harness.CrashAndReplaceAsync();
            await restarted.StartAsync();
            var poll = restarted.GetActivityTaskAsync(activity.ActivityArn, "after-restart");
            await harness.AdvanceUntilAsync(() => Task.FromResult(poll.IsCompleted), lease + TimeSpan.FromSeconds(10));
            var task = await poll;

            Assert.NotNull(task);
            Assert.Equal(claimed.TaskToken, task.TaskToken);
            Assert.True(harness.Clock.GetUtcNow() >= claimedAt + lease, "The task was handed out again while the dead poll's claim held.");
            Assert.Equal(TaskTokenAnswer.Accepted, await restarted.SendTaskSuccessAsync(task.TaskToken, JsonValue.Parse("{\"size\":6}")));
            Assert.Equal(ExecutionStatuses.Succeeded, (await harness.WaitAsync(started.ExecutionArn)).Status);
            var history = await harness.HistoryAsync(started.ExecutionArn);
            var activityStarted = Assert.Single(history, e => e["type"]!.AsString() == "ActivityStarted");
            Assert.Equal("after-restart", activityStarted["activityStartedEventDetails"]!.AsObject()["workerName"]!.AsString());
            Assert.Null(await harness.Store.Activities.ClaimTaskAsync(activity.ActivityArn, harness.Clock.GetUtcNow() + lease, harness.Clock.GetUtcNow() + lease * 2));
        }
        finally
        {
            File.Delete(database);
        }
    }

    [Fact]
    public async Task A_worker_s_failure_fails_the_state_with_the_error_and_cause_it_sent()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        var activity = await harness.Engine.CreateActivityAsync("resize");
        string machine = await harness.CreateAsync(Machine(activity.ActivityArn));
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));

        var task = await harness.Engine.GetActivityTaskAsync(activity.ActivityArn);
        Assert.Equal(TaskTokenAnswer.Accepted, await harness.Engine.SendTaskFailureAsync(task!.TaskToken, "Image.TooLarge", "over 10 MB"));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("Image.TooLarge", result.Error);
        Assert.Equal("over 10 MB", result.Cause);
        var history = await harness.HistoryAsync(started.ExecutionArn);
        Assert.Equal("ActivityFailed", HistoryAssert.Types(history)[^2]);
        Assert.False(history[3]["activityStartedEventDetails"]!.AsObject().ContainsKey("workerName"));
    }

    [Fact]
    public async Task A_task_without_heartbeats_times_out_and_a_late_answer_is_told_so()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        var activity = await harness.Engine.CreateActivityAsync("slow");
        string machine = await harness.CreateAsync(Machine(activity.ActivityArn, ",'TimeoutSeconds':60,'HeartbeatSeconds':10"));
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        var task = await harness.Engine.GetActivityTaskAsync(activity.ActivityArn, "w");

        harness.Clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(TaskTokenAnswer.Accepted, await harness.Engine.SendTaskHeartbeatAsync(task!.TaskToken));
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(30));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("States.HeartbeatTimeout", result.Error);
        var history = await harness.HistoryAsync(started.ExecutionArn);
        var timedOut = history[^2];
        Assert.Equal("ActivityTimedOut", timedOut["type"]!.AsString());
        // The heartbeat at +8 s restarted the 10 s heartbeat clock: the task timed out at +18 s, not +10 s.
        Assert.Equal(history[0]["timestamp"]!.AsNumber().ToDouble() + 18, timedOut["timestamp"]!.AsNumber().ToDouble());
    }

    [Fact]
    public async Task A_late_answer_to_a_task_that_timed_out_while_its_execution_runs_on_is_TaskTimedOut()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        var activity = await harness.Engine.CreateActivityAsync("slow");
        string machine = await harness.CreateAsync("""
            {'StartAt':'Work','States':{
              'Work':{'Type':'Task','Resource':'ACTIVITY','TimeoutSeconds':5,'Catch':[{'ErrorEquals':['States.Timeout'],'Next':'Later'}],'End':true},
              'Later':{'Type':'Wait','Seconds':3600,'End':true}}}
            """.Replace("ACTIVITY", activity.ActivityArn, StringComparison.Ordinal));
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        var task = await harness.Engine.GetActivityTaskAsync(activity.ActivityArn);

        await harness.AdvanceUntilAsync(async () => HistoryAssert.Types(await harness.HistoryAsync(started.ExecutionArn)).Contains("WaitStateEntered"),
            TimeSpan.FromSeconds(20));

        Assert.Equal(TaskTokenAnswer.TaskTimedOut, await harness.Engine.SendTaskSuccessAsync(task!.TaskToken, JsonValue.Parse("{}")));
        Assert.Equal(TaskTokenAnswer.TaskTimedOut, await harness.Engine.SendTaskHeartbeatAsync(task.TaskToken));
    }

    [Fact]
    public async Task Tokens_that_could_never_have_been_issued_are_invalid_and_well_formed_unknown_ones_do_not_exist()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();

        Assert.Equal(TaskTokenAnswer.InvalidToken, await harness.Engine.SendTaskSuccessAsync("not a token", JsonValue.Parse("{}")));
        string unknown = Runtime.TaskTokens.New(new Random(5), "arn:aws:states:us-east-1:123456789012:execution:machine:gone");
        Assert.Equal(TaskTokenAnswer.TaskDoesNotExist, await harness.Engine.SendTaskFailureAsync(unknown, "E", null));
    }

    [Fact]
    public async Task A_poll_with_no_task_answers_none_after_sixty_seconds_and_a_waiting_poll_takes_a_task_queued_meanwhile()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        var activity = await harness.Engine.CreateActivityAsync("idle");
        string machine = await harness.CreateAsync(Machine(activity.ActivityArn));

        var empty = harness.Engine.GetActivityTaskAsync(activity.ActivityArn);
        await harness.AdvanceUntilAsync(() => Task.FromResult(empty.IsCompleted), TimeSpan.FromSeconds(65));
        Assert.Null(await empty);
        Assert.True(harness.Clock.GetUtcNow() - DurableHarness.Start >= DurableEngine.ActivityPollTimeout);

        var waiting = harness.Engine.GetActivityTaskAsync(activity.ActivityArn);
        Assert.False(waiting.IsCompleted);
        await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"n\":1}"));
        var task = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(JsonValue.Parse("{\"n\":1}"), JsonValue.Parse(task!.Input));
    }

    [Fact]
    public async Task A_task_on_an_activity_that_does_not_exist_fails_its_state_with_States_Runtime_before_scheduling()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string missing = harness.Engine.ActivityArn("gone");
        string machine = await harness.CreateAsync(Machine(missing));

        var result = await harness.RunAsync(machine);

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal($"An error occurred while executing the state 'Work' (entered at the event id #2). The activity {missing} does not exist.", result.Cause);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "ExecutionFailed"], HistoryAssert.Types(await harness.HistoryAsync(result.ExecutionArn)));
    }

    [Fact]
    public async Task Polling_an_activity_that_does_not_exist_fails_with_ResourceNotFound()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();

        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => harness.Engine.GetActivityTaskAsync(harness.Engine.ActivityArn("nope")));
        Assert.Equal(ResourceKinds.Activity, missing.ResourceKind);
    }
}
