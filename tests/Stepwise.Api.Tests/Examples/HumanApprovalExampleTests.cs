using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Testing;

namespace Stepwise.Api.Tests.Examples;

/// <summary>
/// examples/human-approval over the API as its README drives it with the AWS CLI: the approver's heartbeats and answer
/// arrive as SendTaskHeartbeat/SendTaskSuccess, and the clock is a manual one so the hour-long heartbeat can lapse.
/// </summary>
public sealed class HumanApprovalExampleTests
{
    private const string NotifyResource = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    private static readonly DateTimeOffset s_start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static string Definition()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "examples", "human-approval", "approval.asl.json");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new InvalidOperationException("No examples/human-approval above the test binaries.");
    }

    /// <summary>Stands in for the NotifyApprover command: it hands the task token to the test, as the e-mail would to the approver.</summary>
    private static TaskCompletionSource<string> CaptureToken(DurableEngine engine)
    {
        var token = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.RegisterTask(NotifyResource, (request, _) =>
        {
            token.TrySetResult(request.Input.AsObject()["Payload"]!.AsObject()["taskToken"]!.AsString());
            return ValueTask.FromResult<JsonValue>(JsonObject.Create(("StatusCode", 200)));
        });
        return token;
    }

    private static async Task<(ApiServer Server, ManualTimeProvider Clock, string ExecutionArn, string Token)> StartAsync()
    {
        var clock = new ManualTimeProvider(s_start);
        var server = await ApiServer.StartAsync(new DurableEngineOptions { Time = clock });
        var token = CaptureToken(server.Engine);
        string machine = await server.CreateStateMachineAsync("approval", Definition());
        var started = await server.CallOkAsync("StartExecution",
            $$"""{"stateMachineArn":"{{machine}}","input":{{ApiServer.Quote("""{"expense":{"id":"EXP-118","amount":420}}""")}}}""");
        string arn = started["executionArn"]!.AsString();
        string issued = await token.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await WaitForEventAsync(server, arn, "TaskSubmitted");
        return (server, clock, arn, issued);
    }

    /// <summary>Waits (in real time, briefly) until the history holds an event of <paramref name="type"/>: the task's timers are stored with it.</summary>
    private static async Task WaitForEventAsync(ApiServer server, string executionArn, string type)
    {
        for (int i = 0; i < 2000; i++)
        {
            var history = await server.CallOkAsync("GetExecutionHistory", $$"""{"executionArn":"{{executionArn}}","maxResults":1000}""");
            foreach (var e in history["events"]!.AsArray())
            {
                if (e.AsObject()["type"]!.AsString() == type)
                {
                    return;
                }
            }

            await Task.Delay(10);
        }

        Assert.Fail($"No {type} event in the history of {executionArn}.");
    }

    private static async Task<JsonObject> DescribeAsync(ApiServer server, string executionArn) =>
        await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{executionArn}}"}""");

    /// <summary>Describes the execution once the engine has done what the manual clock's current instant set off.</summary>
    private static async Task<JsonObject> DescribeWhenIdleAsync(ApiServer server, string executionArn)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!server.Engine.IsIdle)
        {
            await Task.Delay(2, guard.Token);
        }

        return await DescribeAsync(server, executionArn);
    }

    [Fact]
    public async Task An_approver_who_sends_heartbeats_and_then_approves_lets_the_expense_through()
    {
        var (server, clock, arn, token) = await StartAsync();
        await using var _ = server;

        // Two heartbeats 50 minutes apart carry the task past the one-hour heartbeat limit without a timeout.
        for (int i = 0; i < 2; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(50));
            await server.CallOkAsync("SendTaskHeartbeat", $$"""{"taskToken":{{ApiServer.Quote(token)}}}""");
        }

        clock.Advance(TimeSpan.FromMinutes(50));
        await server.CallOkAsync("SendTaskSuccess",
            $$"""{"taskToken":{{ApiServer.Quote(token)}},"output":{{ApiServer.Quote("""{"approved":true,"approver":"grace@example.com"}""")}}}""");
        await server.Engine.WaitForExecutionAsync(arn).WaitAsync(TimeSpan.FromSeconds(20));

        var execution = await DescribeAsync(server, arn);
        Assert.Equal("SUCCEEDED", execution["status"]!.AsString());
        Assert.Equal(
            JsonValue.Parse("""{"status":"APPROVED","expense":{"id":"EXP-118","amount":420},"approver":"grace@example.com"}"""),
            JsonValue.Parse(execution["output"]!.AsString()));
    }

    [Fact]
    public async Task An_approver_who_stays_silent_past_the_heartbeat_limit_gets_the_expense_rejected()
    {
        var (server, clock, arn, token) = await StartAsync();
        await using var _ = server;

        clock.Advance(TimeSpan.FromSeconds(3600));
        var execution = await DescribeWhenIdleAsync(server, arn);
        // The heartbeat timer fires on the manual clock; a second at a time (each once the engine has caught up with
        // the last) until the dispatcher has run it.
        for (int i = 0; i < 200 && execution["status"]!.AsString() == "RUNNING"; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            execution = await DescribeWhenIdleAsync(server, arn);
        }

        Assert.Equal("SUCCEEDED", execution["status"]!.AsString());
        Assert.Equal(JsonValue.Parse("""{"status":"REJECTED","expense":{"id":"EXP-118","amount":420}}"""), JsonValue.Parse(execution["output"]!.AsString()));
        var history = await server.CallOkAsync("GetExecutionHistory", $$"""{"executionArn":"{{arn}}","maxResults":1000}""");
        bool heartbeatTimedOut = false;
        foreach (var e in history["events"]!.AsArray())
        {
            var details = e.AsObject()["taskTimedOutEventDetails"];
            heartbeatTimedOut |= details is not null && details.AsObject()["error"]!.AsString() == "States.HeartbeatTimeout";
        }

        Assert.True(heartbeatTimedOut, "The task did not time out with States.HeartbeatTimeout.");
        var late = await server.CallAsync("SendTaskSuccess", $$"""{"taskToken":{{ApiServer.Quote(token)}},"output":"{}"}""");
        Assert.Equal(400, late.Status);
        Assert.Equal("com.amazonaws.states#TaskDoesNotExist", late.Body["__type"]!.AsString());
    }
}
