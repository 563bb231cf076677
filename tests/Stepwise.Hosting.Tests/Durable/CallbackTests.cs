using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Sqlite;
using Stepwise.Testing;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class CallbackTests
{
    private const string QueueResource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

    private const string CallbackMachine = """
        {'StartAt':'Ask','States':{
          'Ask':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                 'Parameters':{'QueueUrl':'q','MessageBody':{'token.$':'$$.Task.Token'}},
                 'Catch':[{'ErrorEquals':['Rejected'],'ResultPath':'$.why','Next':'Handled'}],'End':true},
          'Handled':{'Type':'Pass','End':true}}}
        """;

    /// <summary>Serves the message send of a .waitForTaskToken task: it hands out the token and returns at once.</summary>
    private static TaskCompletionSource<string> CaptureTokens(DurableEngine engine)
    {
        var token = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.RegisterTask(QueueResource, (request, _) =>
        {
            token.TrySetResult(request.Input.AsObject()["MessageBody"]!.AsObject()["token"]!.AsString());
            return ValueTask.FromResult<JsonValue>(JsonObject.Create(("MessageId", "m-1")));
        });
        return token;
    }

    [Fact]
    public async Task A_waitForTaskToken_task_waits_after_its_integration_returns_until_the_callback_answers()
    {
        await using var harness = new DurableHarness();
        var token = CaptureTokens(harness.Engine);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(CallbackMachine);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        string issued = await token.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExecutionStatuses.Running, (await harness.Engine.DescribeExecutionAsync(started.ExecutionArn))!.Status);
        Assert.Equal(TaskTokenAnswer.Accepted, await harness.Engine.SendTaskSuccessAsync(issued, JsonValue.Parse("{\"approved\":true}")));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"approved\":true}"), JsonValue.Parse(result.Output!));
        Assert.Equal(TaskTokenAnswer.TaskDoesNotExist, await harness.Engine.SendTaskSuccessAsync(issued, JsonValue.Parse("{}")));
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_callback_failure_reaches_the_task_s_catcher()
    {
        await using var harness = new DurableHarness();
        var token = CaptureTokens(harness.Engine);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(CallbackMachine);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));

        Assert.Equal(TaskTokenAnswer.Accepted,
            await harness.Engine.SendTaskFailureAsync(await token.Task.WaitAsync(TimeSpan.FromSeconds(20)), "Rejected", "no budget"));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"why\":{\"Error\":\"Rejected\",\"Cause\":\"no budget\"}}"), JsonValue.Parse(result.Output!));
    }

    [Fact]
    public async Task A_waiting_activity_task_and_a_waiting_task_token_survive_a_restart_on_the_same_SQLite_file()
    {
        string folder = Path.Combine(Path.GetTempPath(), "stepwise-callbacks-" + Guid.NewGuid().ToString("N"));
        string database = Path.Combine(folder, "stepwise.db");
        var clock = new ManualTimeProvider(DurableHarness.Start);
        string activityArn;
        string callbackExecution;
        string activityExecution;
        string issued;
        try
        {
            await using (var store = new SqliteStore(new SqliteStoreOptions { Path = database }))
            {
                await using var engine = new DurableEngine(store, DurableHarness.Options(clock));
                var token = CaptureTokens(engine);
                await engine.StartAsync();
                activityArn = (await engine.CreateActivityAsync("approve")).ActivityArn;
                var activityMachine = await engine.CreateStateMachineAsync("activity",
                    "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\",\"Resource\":\"" + activityArn + "\",\"End\":true}}}");
                var callbackMachine = await engine.CreateStateMachineAsync("callback", CallbackMachine.Replace('\'', '"'));
                activityExecution = (await engine.StartExecutionAsync(activityMachine.StateMachineArn, JsonValue.Parse("{\"doc\":1}"))).ExecutionArn;
                callbackExecution = (await engine.StartExecutionAsync(callbackMachine.StateMachineArn, JsonValue.Parse("{}"))).ExecutionArn;
                issued = await token.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }

            await using (var store = new SqliteStore(new SqliteStoreOptions { Path = database }))
            {
                await using var engine = new DurableEngine(store, DurableHarness.Options(clock));
                await engine.StartAsync();

                var task = await engine.GetActivityTaskAsync(activityArn, "after-restart");
                Assert.NotNull(task);
                Assert.Equal(JsonValue.Parse("{\"doc\":1}"), JsonValue.Parse(task.Input));
                Assert.Equal(TaskTokenAnswer.Accepted, await engine.SendTaskSuccessAsync(task.TaskToken, JsonValue.Parse("\"signed\"")));
                Assert.Equal(TaskTokenAnswer.Accepted, await engine.SendTaskSuccessAsync(issued, JsonValue.Parse("\"called back\"")));

                var activityResult = await engine.WaitForExecutionAsync(activityExecution).WaitAsync(TimeSpan.FromSeconds(20));
                var callbackResult = await engine.WaitForExecutionAsync(callbackExecution).WaitAsync(TimeSpan.FromSeconds(20));
                Assert.Equal("\"signed\"", activityResult.Output);
                Assert.Equal("\"called back\"", callbackResult.Output);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
