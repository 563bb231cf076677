using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class ExpressAndTimeoutTests
{
    [Fact]
    public async Task A_task_that_never_answers_times_out_after_its_TimeoutSeconds_and_the_catcher_runs()
    {
        const string definition = """
            {'StartAt':'T','States':{
              'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'slow'},'TimeoutSeconds':7,
                   'Catch':[{'ErrorEquals':['States.Timeout'],'ResultPath':'$.caught','Next':'Caught'}],'End':true},
              'Caught':{'Type':'Pass','End':true}}}
            """;
        await using var harness = new DurableHarness();
        harness.Engine.RegisterLambda("slow", async (request, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return JsonValue.Null;
        });
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(20));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal("States.Timeout", JsonValue.Parse(result.Output!).AsObject()["caught"]!.AsObject()["Error"]!.AsString());
        var types = HistoryAssert.Types(await harness.HistoryAsync(started.ExecutionArn));
        Assert.Contains("TaskTimedOut", types);
        Assert.Equal(DurableHarness.Start.AddSeconds(7), result.StopDate);
    }

    [Fact]
    public async Task An_express_execution_runs_in_memory_and_leaves_nothing_in_the_store()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        var machine = await harness.Engine.CreateStateMachineAsync("fast",
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, $.b)"},"End":true}}}""",
            StateMachineTypes.Express);

        var result = await harness.Engine.StartSyncExecutionAsync(machine.StateMachineArn, JsonValue.Parse("{\"a\":2,\"b\":3}"));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"sum\":5}"), result.Output);
        Assert.Contains(":express:fast:", result.ExecutionArn, StringComparison.Ordinal);
        Assert.Null(await harness.Engine.DescribeExecutionAsync(result.ExecutionArn));
    }

    [Fact]
    public async Task A_standard_machine_cannot_run_as_express_nor_an_express_one_as_standard()
    {
        await using var harness = new DurableHarness();
        string standard = await harness.CreateAsync("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        var express = await harness.Engine.CreateStateMachineAsync("x", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", StateMachineTypes.Express);

        await Assert.ThrowsAsync<NotSupportedException>(() => harness.Engine.StartSyncExecutionAsync(standard, JsonValue.Parse("{}")));
        await Assert.ThrowsAsync<NotSupportedException>(() => harness.Engine.StartExecutionAsync(express.StateMachineArn, JsonValue.Parse("{}")));
    }
}
