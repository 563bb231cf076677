using Stepwise.Hosting.Durable;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.Paging;
using Stepwise.Testing;

namespace Stepwise.Integrations.Tests.Aws;

/// <summary>A <c>.waitForTaskToken</c> service integration on the durable engine: the call goes out, the task waits for its token.</summary>
public sealed class DurableCallbackTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SQS_sendMessage_waitForTaskToken_records_TaskSubmitted_and_ends_with_the_callbacks_output()
    {
        string queueUrl = JsonValue.Parse(await moto.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", """{"QueueName": "callbacks"}""")).AsObject()["QueueUrl"]!.AsString();
        var configuration = new IntegrationsConfiguration();
        configuration.SetEndpoint("sqs", moto.Endpoint);
        await using var store = new InMemoryStore();
        await using var engine = new DurableEngine(store, new DurableEngineOptions { Integrations = configuration });
        await engine.StartAsync();
        var machine = await engine.CreateStateMachineAsync("callback", """
            {"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters": {"QueueUrl.$": "$.queue", "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}}
            """);

        var started = await engine.StartExecutionAsync(machine.StateMachineArn, JsonObject.Create(("queue", (JsonValue)queueUrl)));
        var received = JsonValue.Parse(await moto.CallJsonAsync("sqs", "AmazonSQS.ReceiveMessage", $$"""{"QueueUrl": "{{queueUrl}}", "WaitTimeSeconds": 20}""")).AsObject();
        string token = JsonValue.Parse(received["Messages"]!.AsArray()[0].AsObject()["Body"]!.AsString()).AsObject()["token"]!.AsString();
        // The message can arrive before the dispatcher commits TaskSubmitted; answer once it has (AWS's order).
        await WaitForEventAsync(engine, started.ExecutionArn, "TaskSubmitted").WaitAsync(s_guard);
        Assert.Equal(TaskTokenAnswer.Accepted, await engine.SendTaskSuccessAsync(token, JsonValue.Parse("""{"approved": true}""")));
        var finished = await engine.WaitForExecutionAsync(started.ExecutionArn).WaitAsync(s_guard);

        Assert.Equal("SUCCEEDED", finished.Status);
        var history = await engine.GetExecutionHistoryAsync(started.ExecutionArn, new PageRequest(1000, null));
        var types = history.Items.Select(e => e["type"]!.AsString()).ToList();
        Assert.Equal(["TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded"], types.Where(t => t.StartsWith("Task", StringComparison.Ordinal) && !t.StartsWith("TaskState", StringComparison.Ordinal)));
        var submitted = history.Items.First(e => e["type"]!.AsString() == "TaskSubmitted")["taskSubmittedEventDetails"]!.AsObject();
        Assert.Equal("sendMessage.waitForTaskToken", submitted["resource"]!.AsString());
        Assert.Contains("MD5OfMessageBody", submitted["output"]!.AsString(), StringComparison.Ordinal);
    }

    private static async Task WaitForEventAsync(DurableEngine engine, string executionArn, string type)
    {
        while (true)
        {
            var history = await engine.GetExecutionHistoryAsync(executionArn, new PageRequest(1000, null));
            if (history.Items.Any(e => e["type"]!.AsString() == type))
            {
                return;
            }

            await Task.Delay(20);
        }
    }
}
