using Stepwise.Definition.Model;
using Stepwise.Hosting.MapRuns;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Testing;

namespace Stepwise.Hosting.Tests.MapRuns;

public sealed class MapRunCoordinatorTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("stepwise-maprun-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A distributed Map over the input with <paramref name="fields"/> added to the Map state.</summary>
    private static (StateMachine Machine, StartMapRunCommand Command) Start(string fields, string input)
    {
        var machine = StateMachine.FromJson(JsonValue.Parse("""
            {"StartAt":"M","States":{"M":{"Type":"Map","Label":"L","End":true,FIELDS
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
            """.Replace("FIELDS", fields, StringComparison.Ordinal)));
        var info = new ExecutionInfo("arn:aws:states:us-east-1:123456789012:execution:parent:run", "run",
            "arn:aws:states:us-east-1:123456789012:stateMachine:parent", "parent", "arn:aws:iam::123456789012:role/r", "us-east-1", s_start,
            JsonValue.Parse(input));
        var decision = Interpreter.Decide(machine, null, new ExecutionStartedStimulus(info), s_start, new Random(1));
        return (machine, decision.Commands.OfType<StartMapRunCommand>().Single());
    }

    private MapRunCoordinator Coordinator((StateMachine Machine, StartMapRunCommand Command) run, IMapRunChildren children, int maxPayloadBytes = Interpreter.DefaultMaxPayloadBytes)
    {
        var configuration = new IntegrationsConfiguration { S3LocalRoot = _root };
        return new MapRunCoordinator(run.Command, run.Machine, children, ItemIO.CreateItemSource(configuration, "us-east-1"),
            ItemIO.CreateResultSink(configuration, "us-east-1"), new ManualTimeProvider(s_start), maxPayloadBytes, seed: 1);
    }

    [Fact]
    public async Task The_output_is_in_item_order_whatever_order_the_children_end_in()
    {
        var run = Start("\"MaxConcurrency\":3,", "[1,2,3]");
        var children = new ScriptedChildren(_ => null);
        var coordinator = Coordinator(run, children);

        var running = coordinator.RunAsync(CancellationToken.None);
        await WaitUntilAsync(() => children.Started == 3);
        children.Release(2, "SUCCEEDED");
        children.Release(0, "SUCCEEDED");
        children.Release(1, "SUCCEEDED");
        var answer = Assert.IsType<MapRunSucceededStimulus>(await running);

        Assert.Equal("[1,2,3]", answer.Output.ToJsonString());
        Assert.Equal(run.Command.MapRunArn, answer.MapRunArn);
        var described = coordinator.Describe("e", "m");
        Assert.Equal((MapRunStatuses.Succeeded, 3L, 3L, 0L), (described.Status, described.ItemCounts.Total, described.ItemCounts.Succeeded, described.ItemCounts.Pending));
    }

    [Fact]
    public async Task No_more_than_MaxConcurrency_children_run_at_once()
    {
        var children = new ScriptedChildren(_ => "SUCCEEDED");

        var answer = await Coordinator(Start("\"MaxConcurrency\":2,", "[1,2,3,4,5,6,7]"), children).RunAsync(CancellationToken.None);

        Assert.IsType<MapRunSucceededStimulus>(answer);
        Assert.Equal(7, children.Started);
        Assert.InRange(children.MaxRunning, 1, 2);
    }

    [Fact]
    public async Task A_failed_batch_counts_all_its_items_against_the_tolerated_failure_count()
    {
        // Batches of two: [1,2] fails, [3,4] succeeds. Two failed items pass a count of one, not a count of two.
        static string? FirstBatchFails(JsonValue batch) => batch.ToJsonString().Contains("[1,2]", StringComparison.Ordinal) ? "FAILED" : "SUCCEEDED";
        const string Fields = "\"ItemBatcher\":{\"MaxItemsPerBatch\":2},\"MaxConcurrency\":1,\"ToleratedFailureCount\":COUNT,";

        var exceeded = await Coordinator(Start(Fields.Replace("COUNT", "1", StringComparison.Ordinal), "[1,2,3,4]"), new ScriptedChildren(FirstBatchFails))
            .RunAsync(CancellationToken.None);
        var tolerated = await Coordinator(Start(Fields.Replace("COUNT", "2", StringComparison.Ordinal), "[1,2,3,4]"), new ScriptedChildren(FirstBatchFails))
            .RunAsync(CancellationToken.None);

        var failed = Assert.IsType<MapRunFailedStimulus>(exceeded);
        Assert.Equal(("States.ExceedToleratedFailureThreshold", "The specified tolerated failure threshold was exceeded"), (failed.Error, failed.Cause));
        Assert.Equal("""[{"Error":"Boom","Cause":"it broke"},{"Items":[3,4]}]""", Assert.IsType<MapRunSucceededStimulus>(tolerated).Output.ToJsonString());
    }

    [Fact]
    public async Task Past_the_threshold_the_running_children_are_aborted_and_counted()
    {
        var run = Start("\"MaxConcurrency\":3,", "[1,2,3,4]");
        var children = new ScriptedChildren(_ => null);
        var coordinator = Coordinator(run, children);
        var running = coordinator.RunAsync(CancellationToken.None);
        await WaitUntilAsync(() => children.Started == 3);

        children.Release(0, "FAILED");
        var answer = await running;

        Assert.IsType<MapRunFailedStimulus>(answer);
        var counts = coordinator.Describe("e", "m").ItemCounts;
        Assert.Equal((1L, 2L, 0L, 1L, 4L), (counts.Failed, counts.Aborted, counts.Running, counts.Pending, counts.Total));
    }

    [Fact]
    public async Task UpdateMapRun_raises_MaxConcurrency_and_the_queued_child_starts_at_once()
    {
        var run = Start("\"MaxConcurrency\":1,", "[1,2]");
        var children = new ScriptedChildren(_ => null);
        var coordinator = Coordinator(run, children);
        var running = coordinator.RunAsync(CancellationToken.None);
        await WaitUntilAsync(() => children.Started == 1);

        coordinator.Update(5, 1, null);
        await WaitUntilAsync(() => children.Started == 2);
        var described = coordinator.Describe("e", "m");
        children.Release(0, "SUCCEEDED");
        children.Release(1, "FAILED");

        Assert.Equal((5L, 1L, 2L), (described.MaxConcurrency, described.ToleratedFailureCount, described.ItemCounts.Running));
        Assert.IsType<MapRunSucceededStimulus>(await running);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(20_000L)]
    public void UpdateMapRun_caps_MaxConcurrency_at_AWS_s_10000_children(long requested)
    {
        var coordinator = Coordinator(Start("", "[1]"), new ScriptedChildren(_ => "SUCCEEDED"));

        coordinator.Update(requested, null, null);

        Assert.Equal(StartMapRunCommand.MaxChildConcurrency, coordinator.Describe("e", "m").MaxConcurrency);
    }

    [Fact]
    public async Task Results_past_the_payload_limit_fail_the_run_with_States_DataLimitExceeded()
    {
        var answer = await Coordinator(Start("", "[\"aaaaaaaaaa\",\"bbbbbbbbbb\",\"cccccccccc\"]"), new ScriptedChildren(_ => "SUCCEEDED"), maxPayloadBytes: 30)
            .RunAsync(CancellationToken.None);

        var failed = Assert.IsType<MapRunFailedStimulus>(answer);
        Assert.Equal("States.DataLimitExceeded", failed.Error);
        Assert.Contains("'M'", failed.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_stream_from_the_reader_and_results_go_to_the_ResultWriter()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        Directory.CreateDirectory(Path.Combine(_root, "out"));
        await File.WriteAllTextAsync(Path.Combine(_root, "in", "items.jsonl"), "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
        var run = Start("""
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"in","Key":"items.jsonl"}},
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}},
            "ToleratedFailurePercentage":34,
            """, "{}");
        var coordinator = Coordinator(run, new ScriptedChildren(input => input.ToJsonString() == "{\"n\":2}" ? "FAILED" : "SUCCEEDED"));

        var answer = Assert.IsType<MapRunSucceededStimulus>(await coordinator.RunAsync(CancellationToken.None));

        var details = answer.Output.AsObject()["ResultWriterDetails"]!.AsObject();
        Assert.Equal(run.Command.MapRunArn, answer.Output.AsObject()["MapRunArn"]!.AsString());
        Assert.True(File.Exists(Path.Combine(_root, "out", details["Key"]!.AsString())));
        var counts = coordinator.Describe("e", "m").ItemCounts;
        Assert.Equal((3L, 2L, 1L, 3L), (counts.Total, counts.Succeeded, counts.Failed, counts.ResultsWritten));
    }

    [Fact]
    public async Task A_missing_object_fails_the_run_with_States_ItemReaderFailed()
    {
        var run = Start("""
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"in","Key":"none.jsonl"}},
            """, "{}");

        var answer = await Coordinator(run, new ScriptedChildren(_ => "SUCCEEDED")).RunAsync(CancellationToken.None);

        Assert.Equal("States.ItemReaderFailed", Assert.IsType<MapRunFailedStimulus>(answer).Error);
    }

    [Fact]
    public async Task Cancelling_the_run_aborts_its_children()
    {
        var run = Start("", "[1,2]");
        var children = new ScriptedChildren(_ => null);
        var coordinator = Coordinator(run, children);
        using var stop = new CancellationTokenSource();
        var running = coordinator.RunAsync(stop.Token);
        await WaitUntilAsync(() => children.Started == 2);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var described = coordinator.Describe("e", "m");
        Assert.Equal((MapRunStatuses.Aborted, 2L), (described.Status, described.ExecutionCounts.Aborted));
    }

    [Fact]
    public async Task A_run_cancelled_while_a_child_s_end_waits_to_be_judged_ends_aborted_and_not_with_that_end()
    {
        // A host shutting down cancels the run, and a child the cancellation cut short may end (FAILED, say) before the
        // run's loop sees the cancellation: judging that end would answer the parent with a failure the shutdown made.
        using var stop = new CancellationTokenSource();
        var coordinator = Coordinator(Start("", "[1]"), new ChildCancellingTheRun(stop));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => coordinator.RunAsync(stop.Token));

        Assert.Equal(MapRunStatuses.Aborted, coordinator.Describe("e", "m").Status);
    }

    /// <summary>A child that cancels its run and then ends FAILED at once, before the run's loop looks at the cancellation.</summary>
    private sealed class ChildCancellingTheRun(CancellationTokenSource run) : IMapRunChildren
    {
        public Task<MapRunChildOutcome> RunAsync(MapRunChild child, CancellationToken cancellationToken)
        {
            run.Cancel();
            return Task.FromResult(new MapRunChildOutcome("FAILED", null, "Boom", "cut short", child.Info.StartTime, child.Info.StartTime));
        }
    }

    /// <summary>Children start on the coordinator's loop: waits (real time, at most 10 s) until <paramref name="condition"/> holds.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, limit.Token);
        }
    }
}
