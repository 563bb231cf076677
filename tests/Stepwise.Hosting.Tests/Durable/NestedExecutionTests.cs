using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class NestedExecutionTests
{
    private const string Child = "{'StartAt':'P','States':{'P':{'Type':'Pass','Result':{'Arg1':'argument1'},'End':true}}}";

    private const string FailingChild = "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'SomeFailure','Cause':'It had to fail.'}}}";

    private const string WaitingChild = "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'Next':'P'},'P':{'Type':'Pass','Result':{'waited':true},'End':true}}}";

    private const string Sync = "arn:aws:states:::states:startExecution.sync";

    private static string Parent(string resource, string parameters = "'StateMachineArn.$':'$.arn','Input.$':'$.input','Name':'child-run'") =>
        "{'StartAt':'Start','States':{'Start':{'Type':'Task','Resource':'" + resource + "','Parameters':{" + parameters + "},'End':true}}}";

    private static async Task<(ExecutionRecord Parent, string ChildArn)> RunParentAsync(DurableHarness harness, string parentDefinition, string childDefinition,
        string childInput = "{'n':1}")
    {
        string child = await harness.CreateAsync(childDefinition, "child");
        string parent = await harness.CreateAsync(parentDefinition, "parent");
        var result = await harness.RunAsync(parent, "{\"arn\":\"" + child + "\",\"input\":" + childInput.Replace('\'', '"') + "}");
        return (result, child.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":child-run");
    }

    [Fact]
    public async Task A_sync_task_waits_for_the_child_and_returns_its_description_with_input_and_output_as_JSON_text()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();

        var (parent, childArn) = await RunParentAsync(harness, Parent("arn:aws:states:::states:startExecution.sync"), Child);

        Assert.Equal(ExecutionStatuses.Succeeded, parent.Status);
        var output = JsonValue.Parse(parent.Output!).AsObject();
        Assert.Equal(childArn, output["ExecutionArn"]!.AsString());
        Assert.Equal("{\"n\":1}", output["Input"]!.AsString());
        Assert.Equal("{\"Arg1\":\"argument1\"}", output["Output"]!.AsString());
        Assert.Equal("SUCCEEDED", output["Status"]!.AsString());
        Assert.Equal("child-run", output["Name"]!.AsString());
        Assert.Equal(JsonValueKind.Number, output["StopDate"]!.Kind);
        Assert.Equal(0, output["RedriveCount"]!.AsNumber().ToDouble());
        Assert.Equal("NOT_REDRIVABLE", output["RedriveStatus"]!.AsString());
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven", output["RedriveStatusReason"]!.AsString());
        Assert.Equal(ExecutionStatuses.Succeeded, (await harness.Engine.DescribeExecutionAsync(childArn))!.Status);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_sync2_task_returns_the_child_s_input_and_output_as_JSON()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();

        var (parent, _) = await RunParentAsync(harness, Parent("arn:aws:states:::states:startExecution.sync:2"), Child);

        var output = JsonValue.Parse(parent.Output!).AsObject();
        Assert.Equal(JsonValue.Parse("{\"n\":1}"), output["Input"]);
        Assert.Equal(JsonValue.Parse("{\"Arg1\":\"argument1\"}"), output["Output"]);
    }

    [Fact]
    public async Task A_failed_child_fails_the_sync_task_with_States_TaskFailed_and_the_child_s_description_as_cause()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();

        var (parent, childArn) = await RunParentAsync(harness, Parent("arn:aws:states:::states:startExecution.sync"), FailingChild);

        Assert.Equal(ExecutionStatuses.Failed, parent.Status);
        Assert.Equal("States.TaskFailed", parent.Error);
        var cause = JsonValue.Parse(parent.Cause!).AsObject();
        Assert.Equal("SomeFailure", cause["Error"]!.AsString());
        Assert.Equal("It had to fail.", cause["Cause"]!.AsString());
        Assert.Equal("FAILED", cause["Status"]!.AsString());
        Assert.Equal(childArn, cause["ExecutionArn"]!.AsString());
        Assert.Null(cause["Output"]);
    }

    [Fact]
    public async Task A_request_response_task_returns_the_StartExecution_response_without_waiting()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();

        var (parent, childArn) = await RunParentAsync(harness, Parent("arn:aws:states:::states:startExecution"), Child);

        var output = JsonValue.Parse(parent.Output!).AsObject();
        Assert.Equal(childArn, output["ExecutionArn"]!.AsString());
        Assert.Equal(200, output["SdkHttpMetadata"]!.AsObject()["HttpStatusCode"]!.AsNumber().ToDouble());
        Assert.Equal(output["SdkResponseMetadata"]!.AsObject()["RequestId"], output["SdkHttpMetadata"]!.AsObject()["HttpHeaders"]!.AsObject()["x-amzn-RequestId"]);
        Assert.Null(output["Output"]);
        Assert.NotNull(await harness.Engine.DescribeExecutionAsync(childArn));
    }

    [Fact]
    public async Task A_waitForTaskToken_task_starts_the_child_and_waits_for_the_callback_with_the_token_the_child_received()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string child = await harness.CreateAsync(Child, "child");
        string parent = await harness.CreateAsync(
            Parent("arn:aws:states:::states:startExecution.waitForTaskToken", "'StateMachineArn.$':'$.arn','Input':{'token.$':'$$.Task.Token'},'Name':'child-run'"),
            "parent");
        var started = await harness.Engine.StartExecutionAsync(parent, JsonValue.Parse("{\"arn\":\"" + child + "\"}"));
        string childArn = child.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":child-run";

        await harness.AdvanceUntilAsync(async () => await harness.Engine.DescribeExecutionAsync(childArn) is not null, TimeSpan.FromSeconds(30));
        var childRun = await harness.WaitAsync(childArn);
        string token = JsonValue.Parse(childRun.Input).AsObject()["token"]!.AsString();
        Assert.Equal(ExecutionStatuses.Running, (await harness.Engine.DescribeExecutionAsync(started.ExecutionArn))!.Status);
        Assert.Equal(TaskTokenAnswer.Accepted, await harness.Engine.SendTaskSuccessAsync(token, JsonValue.Parse(childRun.Output!)));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(childRun.Output, result.Output);
    }

    [Fact]
    public async Task Starting_a_state_machine_that_does_not_exist_fails_the_task_as_the_AWS_SDK_reports_it()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string parent = await harness.CreateAsync(Parent("arn:aws:states:::states:startExecution"), "parent");
        string missing = parent.Replace(":parent", ":nowhere", StringComparison.Ordinal);

        var result = await harness.RunAsync(parent, "{\"arn\":\"" + missing + "\",\"input\":null}");

        Assert.Equal("StepFunctions.StateMachineDoesNotExistException", result.Error);
        Assert.StartsWith($"State Machine Does Not Exist: '{missing}' (Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist;",
            result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sync_task_records_the_StartExecution_response_as_TaskSubmitted_between_TaskStarted_and_its_outcome()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();

        var (parent, childArn) = await RunParentAsync(harness, Parent(Sync), Child);

        var history = await harness.HistoryAsync(parent.ExecutionArn);
        Assert.Equal(["TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded"], TaskEvents(history));
        var submitted = JsonValue.Parse(history.Single(e => e["type"]!.AsString() == "TaskSubmitted")["taskSubmittedEventDetails"]!.AsObject()["output"]!.AsString()).AsObject();
        Assert.Equal(childArn, submitted["ExecutionArn"]!.AsString());
        Assert.NotNull(submitted["SdkHttpMetadata"]);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task Waiting_sync_tasks_hold_no_dispatcher_slot_so_more_parents_than_slots_all_start_their_children()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string child = await harness.CreateAsync(WaitingChild, "child");
        string parentMachine = await harness.CreateAsync(Parent(Sync, "'StateMachineArn.$':'$.arn','Input':{}"), "parent");
        int parents = DurableHarness.Options(harness.Clock).MaxConcurrency + 2;
        var started = new List<string>();
        for (int i = 0; i < parents; i++)
        {
            started.Add((await harness.Engine.StartExecutionAsync(parentMachine, JsonValue.Parse("{\"arn\":\"" + child + "\"}"))).ExecutionArn);
        }

        await harness.AdvanceUntilAsync(async () => await CountSubmittedAsync(harness, started) == parents, TimeSpan.FromSeconds(30));
        Assert.True(harness.Clock.GetUtcNow() < DurableHarness.Start + TimeSpan.FromSeconds(60), "Every child started before the first could finish.");
        await harness.AdvanceUntilAsync(async () => await AllFinishedAsync(harness, started), TimeSpan.FromSeconds(120));

        foreach (string arn in started)
        {
            var result = (await harness.Engine.DescribeExecutionAsync(arn))!;
            Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
            Assert.Equal("{\"waited\":true}", JsonValue.Parse(result.Output!).AsObject()["Output"]!.AsString());
        }
    }

    [Fact]
    public async Task Stopping_the_parent_stops_the_child_its_sync_task_waits_for()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string child = await harness.CreateAsync(WaitingChild, "child");
        string parentMachine = await harness.CreateAsync(Parent(Sync), "parent");
        var parent = await harness.Engine.StartExecutionAsync(parentMachine, JsonValue.Parse("{\"arn\":\"" + child + "\",\"input\":{}}"));
        await harness.AdvanceUntilAsync(async () => await CountSubmittedAsync(harness, [parent.ExecutionArn]) == 1, TimeSpan.FromSeconds(30));

        await harness.Engine.StopExecutionAsync(parent.ExecutionArn);
        var childRun = await harness.WaitAsync(ChildArn(child));

        Assert.Equal(ExecutionStatuses.Aborted, childRun.Status);
        Assert.Equal(ExecutionStatuses.Aborted, (await harness.Engine.DescribeExecutionAsync(parent.ExecutionArn))!.Status);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_child_its_task_starts_after_the_parent_was_stopped_is_stopped_too()
    {
        await using var harness = new DurableHarness();
        string child = await harness.CreateAsync(WaitingChild, "child");
        string parentMachine = await harness.CreateAsync(Parent(Sync), "parent");
        // Not dispatching yet: the parent's task waits in the queue, so the stop comes before the task runs.
        var parent = await harness.Engine.StartExecutionAsync(parentMachine, JsonValue.Parse("{\"arn\":\"" + child + "\",\"input\":{}}"));
        await harness.Engine.StopExecutionAsync(parent.ExecutionArn);

        await harness.Engine.StartAsync();
        await harness.AdvanceUntilAsync(async () => await harness.Engine.DescribeExecutionAsync(ChildArn(child)) is { Status: not ExecutionStatuses.Running },
            TimeSpan.FromSeconds(30));

        Assert.Equal(ExecutionStatuses.Aborted, (await harness.Engine.DescribeExecutionAsync(ChildArn(child)))!.Status);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_sync_task_s_TimeoutSeconds_still_applies_and_its_child_is_stopped_when_it_lapses()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string child = await harness.CreateAsync(WaitingChild, "child");
        string parentMachine = await harness.CreateAsync(
            "{'StartAt':'Start','States':{'Start':{'Type':'Task','Resource':'" + Sync + "','TimeoutSeconds':5,"
            + "'Parameters':{'StateMachineArn.$':'$.arn','Name':'child-run'},'End':true}}}", "parent");
        var parent = await harness.Engine.StartExecutionAsync(parentMachine, JsonValue.Parse("{\"arn\":\"" + child + "\"}"));

        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(parent.ExecutionArn), TimeSpan.FromSeconds(30));
        var childRun = await harness.WaitAsync(ChildArn(child));

        Assert.Equal("States.Timeout", (await harness.Engine.DescribeExecutionAsync(parent.ExecutionArn))!.Error);
        Assert.Equal(ExecutionStatuses.Aborted, childRun.Status);
    }

    [Fact]
    public async Task On_SQLite_a_parent_whose_process_is_killed_while_its_child_runs_is_answered_once_after_the_restart()
    {
        string database = Path.Combine(Path.GetTempPath(), $"stepwise-nested-{Guid.NewGuid():N}.db");
        try
        {
            await using var harness = new DurableHarness(new SqliteStore(new SqliteStoreOptions { Path = database }));
            await harness.Engine.StartAsync();
            string child = await harness.CreateAsync(WaitingChild, "child");
            string parentMachine = await harness.CreateAsync(Parent("arn:aws:states:::states:startExecution.sync:2"), "parent");
            var parent = await harness.Engine.StartExecutionAsync(parentMachine, JsonValue.Parse("{\"arn\":\"" + child + "\",\"input\":{}}"));
            await harness.AdvanceUntilAsync(async () => await CountSubmittedAsync(harness, [parent.ExecutionArn]) == 1, TimeSpan.FromSeconds(30));

            var restarted = await harness.CrashAndReplaceAsync();
            await restarted.StartAsync();
            await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(parent.ExecutionArn), TimeSpan.FromSeconds(180));

            var result = (await harness.Engine.DescribeExecutionAsync(parent.ExecutionArn))!;
            Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
            Assert.Equal(JsonValue.Parse("{\"waited\":true}"), JsonValue.Parse(result.Output!).AsObject()["Output"]);
            var history = await harness.HistoryAsync(parent.ExecutionArn);
            Assert.Equal(["TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded"], TaskEvents(history));
            Assert.Equal("startExecution.sync:2", history.Single(e => e["type"]!.AsString() == "TaskScheduled")["taskScheduledEventDetails"]!.AsObject()["resource"]!.AsString());
            Assert.Single(await harness.HistoryAsync(ChildArn(child)), e => e["type"]!.AsString() == "ExecutionStarted");
        }
        finally
        {
            File.Delete(database);
        }
    }

    private static string ChildArn(string childMachine) => childMachine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":child-run";

    private static List<string> TaskEvents(List<JsonObject> history) =>
        [.. history.Select(e => e["type"]!.AsString()).Where(t => t.StartsWith("Task", StringComparison.Ordinal) && t != "TaskStateEntered" && t != "TaskStateExited")];

    private static async Task<int> CountSubmittedAsync(DurableHarness harness, List<string> executions)
    {
        int submitted = 0;
        foreach (string arn in executions)
        {
            if ((await harness.HistoryAsync(arn)).Any(e => e["type"]!.AsString() == "TaskSubmitted"))
            {
                submitted++;
            }
        }

        return submitted;
    }

    private static async Task<bool> AllFinishedAsync(DurableHarness harness, List<string> executions)
    {
        foreach (string arn in executions)
        {
            if (!await harness.IsFinishedAsync(arn))
            {
                return false;
            }
        }

        return true;
    }
}
