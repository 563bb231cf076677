using Stepwise.Json;
using Stepwise.Runtime.Serialization;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class MapRunUpdateTests
{
    private const string Definition = """
        {'StartAt':'M','States':{'M':{'Type':'Map','Label':'L','MaxConcurrency':1,'ToleratedFailureCount':0,'End':true,
          'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'T',
            'States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f','End':true}}}}}}
        """;

    private static Driver StartThreeItems()
    {
        var driver = new Driver(Asl.Machine(Definition));
        driver.Start(Asl.Json("[1,2,3]"));
        return driver;
    }

    [Fact]
    public void A_running_map_run_is_summarised_with_its_limits_and_item_counts()
    {
        var driver = StartThreeItems();

        var run = Assert.Single(driver.Snapshot!.MapRuns);

        Assert.Equal(driver.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.AsString(), run.MapRunArn);
        Assert.Equal(MapRunStatuses.Running, run.Status);
        Assert.Equal(1, run.MaxConcurrency);
        Assert.Equal(0, run.ToleratedFailureCount);
        Assert.Equal((3, 1, 2), (run.Total, run.Running, run.Pending));
    }

    [Fact]
    public void Raising_MaxConcurrency_starts_the_queued_items_at_once_without_recording_events()
    {
        var driver = StartThreeItems();
        string arn = driver.Snapshot!.MapRuns[0].MapRunArn;

        var decision = driver.Apply(new MapRunUpdateRequestedStimulus(arn, MaxConcurrency: 3, ToleratedFailureCount: 2));

        Assert.Empty(decision.Events);
        Assert.Equal(2, decision.Commands.OfType<InvokeTaskCommand>().Count());
        var run = decision.Snapshot.MapRuns[0];
        Assert.Equal((3L, 2L, 3, 0), (run.MaxConcurrency, run.ToleratedFailureCount, run.Running, run.Pending));
    }

    [Fact]
    public void A_raised_tolerated_failure_count_lets_the_run_succeed_past_a_failure()
    {
        var driver = StartThreeItems();
        driver.Apply(new MapRunUpdateRequestedStimulus(driver.Snapshot!.MapRuns[0].MapRunArn, ToleratedFailureCount: 1));

        driver.Fail("Boom", null);
        driver.Succeed(Asl.Json("2"));
        driver.Succeed(Asl.Json("3"));

        var run = driver.Snapshot!.MapRuns[0];
        Assert.Equal(MapRunStatuses.Succeeded, run.Status);
        Assert.Equal((1, 2, 0), (run.Failed, run.Succeeded, run.Pending));
        Assert.Equal(ExecutionOutcome.Succeeded, driver.Snapshot.Outcome);
    }

    [Fact]
    public void A_run_that_fails_past_its_threshold_counts_its_running_items_as_aborted()
    {
        var driver = StartThreeItems();
        driver.Apply(new MapRunUpdateRequestedStimulus(driver.Snapshot!.MapRuns[0].MapRunArn, MaxConcurrency: 2));

        driver.Fail("Boom", null);

        var run = driver.Snapshot!.MapRuns[0];
        Assert.Equal(MapRunStatuses.Failed, run.Status);
        Assert.Equal((1, 1, 0), (run.Failed, run.Aborted, run.Running));
        Assert.Equal(driver.Now, run.StopDate);
    }

    [Fact]
    public void Updating_a_map_run_the_execution_does_not_run_is_refused()
    {
        var driver = StartThreeItems();

        Assert.Throws<InvalidOperationException>(() => driver.Apply(new MapRunUpdateRequestedStimulus(
            "arn:aws:states:us-east-1:123456789012:mapRun:StateMachine/L:00000000-0000-0000-0000-000000000000", MaxConcurrency: 2)));
    }

    [Fact]
    public void The_map_run_summaries_survive_a_snapshot_round_trip()
    {
        var driver = StartThreeItems();
        driver.Apply(new MapRunUpdateRequestedStimulus(driver.Snapshot!.MapRuns[0].MapRunArn, ToleratedFailurePercentage: 50));

        var restored = SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(driver.Snapshot!));

        Assert.Equal(driver.Snapshot!.MapRuns[0], restored.MapRuns[0]);
        var decision = Interpreter.Decide(Asl.Machine(Definition), restored,
            new MapRunUpdateRequestedStimulus(restored.MapRuns[0].MapRunArn, MaxConcurrency: 0), Asl.Start, new Random(1));
        Assert.Equal(2, decision.Commands.OfType<InvokeTaskCommand>().Count());
    }

    [Fact]
    public void A_run_still_running_when_the_execution_times_out_ends_aborted()
    {
        var driver = new Driver(Asl.Machine(Definition.Replace("{'StartAt':'M',", "{'TimeoutSeconds':10,'StartAt':'M',", StringComparison.Ordinal)));
        driver.Start(Asl.Json("[1,2,3]"));

        driver.FireLastTimer();

        var run = driver.Snapshot!.MapRuns[0];
        Assert.Equal(ExecutionOutcome.TimedOut, driver.Snapshot.Outcome);
        Assert.Equal(MapRunStatuses.Aborted, run.Status);
        Assert.Equal((1, 0, 2), (run.Aborted, run.Running, run.Pending));
        Assert.Equal(driver.Now, run.StopDate);
    }
}
