using Stepwise.Hosting.Durable;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.Paging;

namespace Stepwise.Integrations.Tests.Aws;

/// <summary><c>ecs:runTask.sync</c> on the durable engine: TaskSubmitted is committed while the job runs; stopping the execution stops the job.</summary>
public sealed class DurableSyncJobTests
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(30);

    private const string Definition = """
        {"StartAt": "Report", "States": {"Report": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
          "Parameters": {"Cluster": "reports", "TaskDefinition": "report"}, "End": true}}}
        """;

    private static async Task<(DurableEngine Engine, InMemoryStore Store, string Machine)> StartAsync(Uri ecs)
    {
        var configuration = new IntegrationsConfiguration();
        configuration.SetEndpoint("ecs", ecs);
        var store = new InMemoryStore();
        var engine = new DurableEngine(store, new DurableEngineOptions { Integrations = configuration });
        await engine.StartAsync();
        var machine = await engine.CreateStateMachineAsync("report", Definition);
        return (engine, store, machine.StateMachineArn);
    }

    private static async Task<List<string>> TaskEventsAsync(DurableEngine engine, string executionArn)
    {
        var history = await engine.GetExecutionHistoryAsync(executionArn, new PageRequest(1000, null));
        return [.. history.Items.Select(e => e["type"]!.AsString()).Where(t => t.StartsWith("Task", StringComparison.Ordinal) && !t.StartsWith("TaskState", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task The_job_s_start_is_committed_as_TaskSubmitted_before_the_task_succeeds_with_the_stopped_task()
    {
        int describes = 0;
        await using var ecs = new LoopbackServer(request => request.Headers["X-Amz-Target"] switch
        {
            "AmazonEC2ContainerServiceV20141113.RunTask" => new(200, """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "PROVISIONING"}], "failures": []}"""),
            // Running at the first describe, stopped at the second: the poll waits between them.
            _ => Interlocked.Increment(ref describes) == 1
                ? new(200, """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "RUNNING"}], "failures": []}""")
                : new(200, """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "STOPPED", "stopCode": "EssentialContainerExited", "containers": [{"exitCode": 0}]}], "failures": []}"""),
        });
        var (engine, store, machine) = await StartAsync(ecs.Uri);
        await using var _ = store;
        await using var __ = engine;

        var started = await engine.StartExecutionAsync(machine, JsonObject.Empty);
        var finished = await engine.WaitForExecutionAsync(started.ExecutionArn).WaitAsync(s_guard);

        Assert.Equal("SUCCEEDED", finished.Status);
        Assert.Equal(["TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded"], await TaskEventsAsync(engine, started.ExecutionArn));
        Assert.Equal("STOPPED", JsonValue.Parse(finished.Output!).AsObject()["LastStatus"]!.AsString());
        Assert.Equal(2, describes);
    }

    [Fact]
    public async Task Stopping_the_execution_stops_the_ECS_task()
    {
        var stopped = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var ecs = new LoopbackServer(request =>
        {
            if (request.Headers["X-Amz-Target"] == "AmazonEC2ContainerServiceV20141113.StopTask")
            {
                stopped.TrySetResult(request.Body);
                return new(200, """{"task": {"taskArn": "arn:t/1", "lastStatus": "STOPPED"}}""");
            }

            return new(200, """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "RUNNING"}], "failures": []}""");
        });
        var (engine, store, machine) = await StartAsync(ecs.Uri);
        await using var _ = store;
        await using var __ = engine;
        var started = await engine.StartExecutionAsync(machine, JsonObject.Empty);
        while (!(await TaskEventsAsync(engine, started.ExecutionArn)).Contains("TaskSubmitted"))
        {
            await Task.Delay(20).WaitAsync(s_guard);
        }

        await engine.StopExecutionAsync(started.ExecutionArn, "Cancelled", "by the operator");

        Assert.Equal("""{"cluster":"reports","task":"arn:t/1","reason":"Stopped by AWS Step Functions"}""", await stopped.Task.WaitAsync(s_guard));
        Assert.Equal("ABORTED", (await engine.DescribeExecutionAsync(started.ExecutionArn))!.Status);
    }
}
