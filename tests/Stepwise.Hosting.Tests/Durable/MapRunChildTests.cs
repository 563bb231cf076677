using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class MapRunChildTests
{
    private const string Parent = "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}";

    private const string Doubler = """{"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"twice.$":"States.MathAdd($.n, $.n)"},"End":true}}}""";

    private const string Failing = """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Item.Bad","Cause":"bad item"}}}""";

    private const string Waiting = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"P"},"P":{"Type":"Pass","Result":{"waited":true},"End":true}}}""";

    private static async Task<string> MapRunArnAsync(DurableHarness harness)
    {
        string parent = await harness.CreateAsync(Parent, "parent");
        return parent.Replace(":stateMachine:", ":mapRun:", StringComparison.Ordinal) + "/Map:0c4b5a3e-1d2f-4e6a-9b8c-7d6e5f4a3b2c";
    }

    private static MapRunChildStart Start(string mapRunArn, long index, string definition, string input = "{\"n\":21}") =>
        new(mapRunArn, index, $"child-{index}", JsonValue.Parse(input), definition);

    [Fact]
    public async Task A_child_runs_as_a_stored_execution_named_under_the_labelled_state_machine_and_its_end_is_heard_once()
    {
        await using var harness = new DurableHarness();
        var listener = new RecordingListener();
        harness.Engine.MapRunChildEvents = listener;
        await harness.Engine.StartAsync();
        string mapRunArn = await MapRunArnAsync(harness);

        var started = await harness.Engine.StartMapRunChildAsync(Start(mapRunArn, 3, Doubler), CancellationToken.None);
        var ended = await harness.WaitAsync(started.ExecutionArn);
        await listener.WaitForAsync(1);

        // One Pass: the first step ends the child, and the start says so.
        Assert.Equal(ExecutionStatuses.Succeeded, started.Status);
        Assert.Equal(ended.Output, started.Output);

        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:parent/Map:child-3", started.ExecutionArn);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:parent/Map", ended.StateMachineArn);
        Assert.Equal(mapRunArn, ended.MapRunArn);
        Assert.Equal(ExecutionStatuses.Succeeded, ended.Status);
        Assert.Equal(JsonValue.Parse("{\"twice\":42}"), JsonValue.Parse(ended.Output!));
        var history = await harness.HistoryAsync(started.ExecutionArn);
        Assert.Equal("ExecutionStarted", history[0]["type"]!.AsString());
        Assert.Equal("ExecutionSucceeded", history[^1]["type"]!.AsString());
        Assert.Equal([(mapRunArn, 3L, ExecutionStatuses.Succeeded)], listener.Heard);
        Assert.Empty((await harness.Store.Executions.ListAsync(harness.Engine.StateMachineArnOf("parent"), null, null, PageRequest.First(10))).Items);
        Assert.Equal([started.ExecutionArn],
            (await harness.Store.Executions.ListByMapRunAsync(mapRunArn, null, null, PageRequest.First(10))).Items.Select(e => e.ExecutionArn));
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_start_delivered_again_returns_the_child_the_first_delivery_started()
    {
        await using var harness = new DurableHarness();
        var listener = new RecordingListener();
        harness.Engine.MapRunChildEvents = listener;
        await harness.Engine.StartAsync();
        string mapRunArn = await MapRunArnAsync(harness);

        var first = await harness.Engine.StartMapRunChildAsync(Start(mapRunArn, 0, Doubler), CancellationToken.None);
        await harness.WaitAsync(first.ExecutionArn);
        var again = await harness.Engine.StartMapRunChildAsync(Start(mapRunArn, 0, Doubler), CancellationToken.None);
        await listener.WaitForAsync(1);

        Assert.Equal(first.ExecutionArn, again.ExecutionArn);
        Assert.Equal(ExecutionStatuses.Succeeded, again.Status);
        Assert.Single(await harness.HistoryAsync(first.ExecutionArn), e => e["type"]!.AsString() == "ExecutionStarted");
        Assert.Single(listener.Heard);
    }

    [Fact]
    public async Task Failed_and_aborted_children_are_heard_with_their_status()
    {
        await using var harness = new DurableHarness();
        var listener = new RecordingListener();
        harness.Engine.MapRunChildEvents = listener;
        await harness.Engine.StartAsync();
        string mapRunArn = await MapRunArnAsync(harness);

        var failing = await harness.Engine.StartMapRunChildAsync(Start(mapRunArn, 0, Failing), CancellationToken.None);
        var waiting = await harness.Engine.StartMapRunChildAsync(Start(mapRunArn, 1, Waiting), CancellationToken.None);
        await harness.Engine.StopExecutionAsync(waiting.ExecutionArn);
        await listener.WaitForAsync(2);

        Assert.Equal("Item.Bad", (await harness.WaitAsync(failing.ExecutionArn)).Error);
        Assert.Equal([(mapRunArn, 0L, ExecutionStatuses.Failed), (mapRunArn, 1L, ExecutionStatuses.Aborted)], listener.Heard.OrderBy(h => h.Index));
    }

    [Fact]
    public async Task A_failed_child_redriven_runs_its_own_definition_again_and_its_second_end_is_heard_too()
    {
        await using var harness = new DurableHarness();
        var listener = new RecordingListener();
        harness.Engine.MapRunChildEvents = listener;
        await harness.Engine.StartAsync();
        string mapRunArn = await MapRunArnAsync(harness);
        var child = await harness.Engine.StartMapRunChildAsync(Start(mapRunArn, 4, Failing), CancellationToken.None);
        await harness.WaitAsync(child.ExecutionArn);
        await listener.WaitForAsync(1);

        var redriven = await harness.Engine.RedriveExecutionAsync(child.ExecutionArn);
        await harness.WaitAsync(child.ExecutionArn);
        await listener.WaitForAsync(2);

        Assert.Equal(1, redriven.RedriveCount);
        Assert.Equal([(mapRunArn, 4L, ExecutionStatuses.Failed), (mapRunArn, 4L, ExecutionStatuses.Failed)], listener.Heard);
        Assert.Equal(2, (await harness.HistoryAsync(child.ExecutionArn)).Count(e => e["type"]!.AsString() == "ExecutionFailed"));
    }

    [Fact]
    public async Task A_child_resumes_after_a_restart_with_its_own_definition_and_its_end_waits_for_a_listener()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string mapRunArn = await MapRunArnAsync(harness);
        var child = await harness.Engine.StartMapRunChildAsync(Start(mapRunArn, 7, Waiting), CancellationToken.None);

        // The new process knows the child's definition only from the store; no listener hears the end yet.
        var restarted = await harness.CrashAndReplaceAsync();

        // The engine's own Map Run host listens from the start; without it, the end waits in the queue.
        restarted.MapRunChildEvents = null;
        await restarted.StartAsync();
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(child.ExecutionArn), TimeSpan.FromSeconds(120));
        var listener = new RecordingListener();
        restarted.MapRunChildEvents = listener;
        await harness.AdvanceUntilAsync(() => Task.FromResult(listener.Heard.Count > 0), TimeSpan.FromSeconds(120));

        Assert.Equal(JsonValue.Parse("{\"waited\":true}"), JsonValue.Parse((await harness.WaitAsync(child.ExecutionArn)).Output!));
        Assert.Equal([(mapRunArn, 7L, ExecutionStatuses.Succeeded)], listener.Heard);
        Assert.Null(await harness.Store.Work.GetNextAvailableAtAsync());
    }

    [Fact]
    public async Task An_end_committed_before_a_crash_is_heard_after_the_restart()
    {
        await using var harness = new DurableHarness();
        var lost = new RecordingListener { Fail = true };
        harness.Engine.MapRunChildEvents = lost;
        await harness.Engine.StartAsync();
        string mapRunArn = await MapRunArnAsync(harness);
        var child = await harness.Engine.StartMapRunChildAsync(Start(mapRunArn, 2, Doubler), CancellationToken.None);
        await harness.WaitAsync(child.ExecutionArn);
        await lost.WaitForAsync(1);

        // The process dies while the listener runs: the notification is not completed, so it comes back once its lease expires.
        var restarted = await harness.CrashAndReplaceAsync();
        var listener = new RecordingListener();
        restarted.MapRunChildEvents = listener;
        await restarted.StartAsync();
        await harness.AdvanceUntilAsync(() => Task.FromResult(listener.Heard.Count > 0), TimeSpan.FromSeconds(120));

        Assert.Equal([(mapRunArn, 2L, ExecutionStatuses.Succeeded)], listener.Heard);
        Assert.Null(await harness.Store.Work.GetNextAvailableAtAsync());
    }

    /// <summary>Records each end it hears; with <see cref="Fail"/> it records, then throws, as a crash mid-call would leave it.</summary>
    private sealed class RecordingListener : IMapRunChildEvents
    {
        private readonly List<(string MapRunArn, long Index, string Status)> _heard = [];

        public bool Fail { get; init; }

        public List<(string MapRunArn, long Index, string Status)> Heard
        {
            get
            {
                lock (_heard)
                {
                    return [.. _heard];
                }
            }
        }

        public ValueTask OnChildEndedAsync(string mapRunArn, long index, ExecutionRecord child, CancellationToken cancellationToken)
        {
            lock (_heard)
            {
                _heard.Add((mapRunArn, index, child.Status));
            }

            return Fail ? throw new InvalidOperationException("The listener's process died.") : ValueTask.CompletedTask;
        }

        public async Task WaitForAsync(int count)
        {
            for (int i = 0; i < 2000 && Heard.Count < count; i++)
            {
                await Task.Delay(5);
            }

            Assert.True(Heard.Count >= count, $"Heard {Heard.Count} ends, expected {count}.");
        }
    }
}
