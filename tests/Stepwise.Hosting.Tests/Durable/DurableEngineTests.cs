using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class DurableEngineTests
{
    private const string TaskMachine = """
        {'StartAt':'Prepare','States':{
          'Prepare':{'Type':'Pass','Parameters':{'n.$':'$.n'},'Next':'Double'},
          'Double':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'double','Payload.$':'$'},
                    'ResultSelector':{'n.$':'$.Payload.n'},'End':true}}}
        """;

    private static ValueTask<JsonValue> Double(Stepwise.Integrations.TaskRequest request, CancellationToken cancellationToken)
    {
        var n = request.Input.AsObject()["n"]!.AsNumber().ToDouble();
        return ValueTask.FromResult<JsonValue>(JsonObject.Create(("n", JsonNumber.FromDouble(n * 2))));
    }

    [Fact]
    public async Task A_started_execution_runs_its_task_and_succeeds_with_the_task_s_output()
    {
        await using var harness = new DurableHarness();
        harness.Engine.RegisterLambda("double", Double);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(TaskMachine);

        var result = await harness.RunAsync(machine, "{\"n\":21}");

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"n\":42}"), JsonValue.Parse(result.Output!));
        var history = await harness.HistoryAsync(result.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        Assert.Equal("ExecutionSucceeded", HistoryAssert.Types(history)[^1]);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task Waiting_on_an_execution_that_has_already_ended_leaves_no_waiter_behind()
    {
        await using var store = new Stepwise.Storage.InMemory.InMemoryStore();
        await using var engine = new Stepwise.Hosting.Durable.DurableEngine(store, DurableHarness.Options(new Stepwise.Testing.ManualTimeProvider(DurableHarness.Start)));
        await engine.StartAsync();
        var machine = await engine.CreateStateMachineAsync("short", """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""");
        var started = await engine.StartExecutionAsync(machine.StateMachineArn, JsonValue.Parse("{}"));

        var first = await engine.WaitForExecutionAsync(started.ExecutionArn).WaitAsync(TimeSpan.FromSeconds(20));
        var second = await engine.WaitForExecutionAsync(started.ExecutionArn).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExecutionStatuses.Succeeded, first.Status);
        Assert.Equal(ExecutionStatuses.Succeeded, second.Status);
        Assert.Equal(0, engine.WaiterCount);
    }

    [Theory]
    [InlineData(false, ExecutionStatuses.Failed)]
    [InlineData(true, ExecutionStatuses.Succeeded)]
    public async Task An_input_over_256_KiB_fails_as_on_AWS_unless_the_operator_raised_MaxPayloadBytes(bool raised, string status)
    {
        var clock = new Stepwise.Testing.ManualTimeProvider(DurableHarness.Start);
        var options = DurableHarness.Options(clock);
        if (raised)
        {
            options.MaxPayloadBytes = 1 << 20;
        }

        await using var store = new Stepwise.Storage.InMemory.InMemoryStore();
        await using var engine = new Stepwise.Hosting.Durable.DurableEngine(store, options);
        await engine.StartAsync();
        var machine = await engine.CreateStateMachineAsync("big", """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""");

        var started = await engine.StartExecutionAsync(machine.StateMachineArn, JsonObject.Create(("s", new string('x', 300_000))));
        var result = await engine.WaitForExecutionAsync(started.ExecutionArn).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(status, result.Status);
        Assert.Equal(raised ? null : "States.DataLimitExceeded", result.Error);
    }

    [Fact]
    public async Task A_JSONata_machine_with_variables_runs_durably()
    {
        const string definition = """
            {'QueryLanguage':'JSONata','StartAt':'Count','States':{
              'Count':{'Type':'Pass','Assign':{'total':'{% $sum($states.input.items) %}'},'Next':'Report'},
              'Report':{'Type':'Pass','Output':{'total':'{% $total %}','doubled':'{% $total * 2 %}'},'End':true}}}
            """;
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);

        var result = await harness.RunAsync(machine, "{\"items\":[1,2,3]}");

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"total\":6,\"doubled\":12}"), JsonValue.Parse(result.Output!));
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task The_durable_history_is_the_history_the_in_memory_engine_records_for_the_same_run()
    {
        const string definition = """
            {'StartAt':'Par','States':{
              'Par':{'Type':'Parallel','Next':'M','Branches':[
                {'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'double','Payload':{'n':1}},'OutputPath':'$.Payload','End':true}}},
                {'StartAt':'B','States':{'B':{'Type':'Pass','Result':{'n':5},'End':true}}}]},
              'M':{'Type':'Map','MaxConcurrency':2,'End':true,
                   'ItemProcessor':{'StartAt':'D','States':{'D':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'double','Payload.$':'$'},'OutputPath':'$.Payload','End':true}}}}}}
            """;
        await using var harness = new DurableHarness();
        harness.Engine.RegisterLambda("double", Double);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);
        await using var memory = new StepwiseEngine(new StepwiseEngineOptions { RandomSeed = 1 });
        memory.RegisterLambda("double", Double);
        var expected = await memory.RunAsync(JsonValue.Parse(definition.Replace('\'', '"')), JsonValue.Parse("{}"));

        var result = await harness.RunAsync(machine);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(expected.Output, JsonValue.Parse(result.Output!));
        var history = await harness.HistoryAsync(result.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        var expectedTypes = new List<string>();
        foreach (var e in expected.History)
        {
            expectedTypes.Add(e.Type);
        }

        // Concurrent branches may interleave differently; the multiset of events and the count must agree.
        Assert.Equal(expectedTypes.Order(StringComparer.Ordinal), HistoryAssert.Types(history).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wait_state_stores_its_timer_and_fires_at_its_due_time()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}");

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"a\":1}"));
        var timers = await harness.Store.Timers.ListAsync(started.ExecutionArn);
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(30));
        var result = await harness.WaitAsync(started.ExecutionArn);

        var timer = Assert.Single(timers);
        Assert.Equal(DurableHarness.Start.AddSeconds(10), timer.DueTime);
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(DurableHarness.Start.AddSeconds(10), result.StopDate);
        Assert.Empty(await harness.Store.Timers.ListAsync(started.ExecutionArn));
    }

    [Fact]
    public async Task A_failed_task_is_retried_after_its_backoff_and_then_succeeds()
    {
        const string definition = """
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'flaky'},
              'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':3,'MaxAttempts':2}],'End':true}}}
            """;
        await using var harness = new DurableHarness();
        int calls = 0;
        harness.Engine.RegisterLambda("flaky", (request, ct) => Interlocked.Increment(ref calls) == 1
            ? throw new Stepwise.Integrations.TaskFailedException("Boom", "first call")
            : ValueTask.FromResult<JsonValue>(JsonValue.Parse("{\"ok\":true}")));
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(30));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(2, calls);
        var history = await harness.HistoryAsync(started.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        Assert.Equal(2, HistoryAssert.Types(history).Count(t => t == "TaskScheduled"));
        Assert.True(result.StopDate >= DurableHarness.Start.AddSeconds(3));
    }

    [Fact]
    public async Task An_execution_timeout_ends_the_execution_timed_out()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'TimeoutSeconds':5,'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100,'End':true}}}");

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(60));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.TimedOut, result.Status);
        Assert.Equal(DurableHarness.Start.AddSeconds(5), result.StopDate);
        Assert.Equal("ExecutionTimedOut", HistoryAssert.Types(await harness.HistoryAsync(started.ExecutionArn))[^1]);
    }

    [Fact]
    public async Task Stopping_a_waiting_execution_aborts_it_and_drops_its_timers()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100,'End':true}}}");
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));

        var stopped = await harness.Engine.StopExecutionAsync(started.ExecutionArn, "Halt", "by test");

        Assert.Equal(ExecutionStatuses.Aborted, stopped.Status);
        Assert.Equal("Halt", stopped.Error);
        Assert.Empty(await harness.Store.Timers.ListAsync(started.ExecutionArn));
        var history = await harness.HistoryAsync(started.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        Assert.Equal("ExecutionAborted", HistoryAssert.Types(history)[^1]);
    }

    [Fact]
    public async Task Stopping_an_execution_inside_a_Map_ends_it_aborted_and_drops_the_timers_of_every_iteration()
    {
        const string definition = """
            {'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,'End':true,
              'ItemProcessor':{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100,'End':true}}}}}}
            """;
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("[1,2,3]"));

        var stopped = await harness.Engine.StopExecutionAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Aborted, stopped.Status);
        var history = await harness.HistoryAsync(started.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        var types = HistoryAssert.Types(history);
        // As AWS records a stop during a Wait state (api/test_sfn_api__test_stop_execution): ExecutionAborted follows
        // the last event, with no aborted event for the waiting state.
        Assert.Equal(2, types.Count(t => t == "WaitStateEntered"));
        Assert.Equal("ExecutionAborted", types[^1]);
        Assert.Empty(await harness.Store.Timers.ListAsync(started.ExecutionArn));
    }

    [Fact]
    public async Task Stopping_inside_a_Map_of_callback_tasks_records_each_iteration_s_aborted_events_and_the_Map_s_last()
    {
        const string definition = """
            {'StartAt':'M','States':{'M':{'Type':'Map','End':true,
              'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                'Parameters':{'QueueUrl':'q','MessageBody':{'token.$':'$$.Task.Token'}},'End':true}}}}}}
            """;
        await using var harness = new DurableHarness();
        harness.Engine.RegisterTask("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            static (_, _) => ValueTask.FromResult<JsonValue>(JsonObject.Empty));
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);
        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("[1,2]"));

        var stopped = await harness.Engine.StopExecutionAsync(started.ExecutionArn, "Halt", null);

        Assert.Equal(ExecutionStatuses.Aborted, stopped.Status);
        var history = await harness.HistoryAsync(started.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        var types = HistoryAssert.Types(history);
        Assert.Equal(["MapIterationAborted", "TaskStateAborted", "MapIterationAborted", "TaskStateAborted", "MapStateAborted", "ExecutionAborted"], types[^6..]);
        Assert.Equal(0, history[^1]["previousEventId"]!.AsNumber().ToDouble());
        Assert.Equal("Halt", history[^1]["executionAbortedEventDetails"]!.AsObject()["error"]!.AsString());
    }

    [Fact]
    public async Task History_pages_forward_and_backward_cover_every_event_once_and_can_leave_out_execution_data()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','End':true}}}");
        var result = await harness.RunAsync(machine, "{\"secret\":1}");
        var all = await harness.HistoryAsync(result.ExecutionArn);

        var forward = await ReadAllAsync(harness, result.ExecutionArn, reverse: false, includeData: true);
        var backward = await ReadAllAsync(harness, result.ExecutionArn, reverse: true, includeData: false);

        Assert.Equal(all, forward);
        Assert.Equal(all.Count, backward.Count);
        Assert.Equal(all[^1]["id"], backward[0]["id"]);
        foreach (var e in backward)
        {
            Assert.DoesNotContain("secret", e.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Contains("secret", forward[0].ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task<List<JsonObject>> ReadAllAsync(DurableHarness harness, string arn, bool reverse, bool includeData)
    {
        var events = new List<JsonObject>();
        string? token = null;
        do
        {
            var page = await harness.Engine.GetExecutionHistoryAsync(arn, new PageRequest(2, token), reverse, includeData);
            Assert.True(page.Items.Count <= 2);
            events.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);
        return events;
    }
}
