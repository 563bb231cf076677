using Stepwise.Json;
using Stepwise.Runtime.MapRuns;
using Stepwise.Runtime.Serialization;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

/// <summary>A distributed Map asks the host for its Map Run and continues with the host's answer.</summary>
public sealed class MapRunCommandTests
{
    private const string Definition = """
        {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'x':7},'Next':'M'},
          'M':{'Type':'Map','Label':'L','MaxConcurrency':0,'ToleratedFailureCount':2,'ItemsPath':'$.items','End':true,
          'ItemSelector':{'v.$':'$$.Map.Item.Value','i.$':'$$.Map.Item.Index','x.$':'$x','k.$':'$.k'},
          'ItemBatcher':{'MaxItemsPerBatchPath':'$.size','BatchInput':{'k.$':'$.k'}},
          'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'out','Prefix.$':'$.k'}},
          'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'T',
            'States':{'T':{'Type':'Pass','End':true}}}}}}
        """;

    private static (Driver Driver, StartMapRunCommand Command) Start()
    {
        var driver = new Driver(Asl.Machine(Definition));
        driver.Start(Asl.Json("{'items':[1,2,3],'k':'key','size':2}"));
        return (driver, Assert.Single(driver.Commands.OfType<StartMapRunCommand>()));
    }

    [Fact]
    public void Starting_records_MapRunStarted_and_asks_the_host_with_everything_evaluated()
    {
        var (driver, command) = Start();

        Assert.Equal(driver.History.Single(e => e.Type == "MapRunStarted").Details!["mapRunArn"]!.AsString(), command.MapRunArn);
        Assert.Contains(":mapRun:Machine/L:", command.MapRunArn, StringComparison.Ordinal);
        Assert.Equal("[1,2,3]", command.Items!.ToJsonString());
        Assert.Null(command.Reader);
        Assert.Equal((2L, (long)Interpreter.DefaultMaxPayloadBytes, "{\"k\":\"key\"}"),
            (command.Batcher!.MaxItemsPerBatch, command.Batcher.MaxInputBytesPerBatch, command.Batcher.BatchInput!.ToJsonString()));
        Assert.Equal("{\"Bucket\":\"out\",\"Prefix\":\"key\"}", command.Writer!.Arguments.ToJsonString());
        Assert.Equal((StartMapRunCommand.MaxChildConcurrency, 2L, -1.0), (command.MaxConcurrency, command.ToleratedFailureCount, command.ToleratedFailurePercentage));
        Assert.Equal("EXPRESS", command.ChildType);
        Assert.Equal("T", command.ChildDefinition["StartAt"]!.AsString());
        Assert.False(command.ChildDefinition.ContainsKey("ProcessorConfig"));
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "MapStateEntered", "MapStateStarted", "MapRunStarted"],
            driver.History.Select(e => e.Type));
    }

    [Fact]
    public void The_ItemSelector_runs_on_the_host_with_the_item_the_state_input_and_the_parents_variables()
    {
        var (_, command) = Start();
        var selector = new MapItemSelector(Asl.Machine(Definition), command.ItemScope, new Random(1));

        Assert.True(selector.TrySelect(1, JsonValue.Parse("20"), out var input, out _, out _));

        Assert.Equal("{\"v\":20,\"i\":1,\"x\":7,\"k\":\"key\"}", input.ToJsonString());
    }

    [Fact]
    public void A_failing_ItemSelector_reports_AWS_s_error_naming_the_state()
    {
        var (_, command) = Start();
        var scope = command.ItemScope with { EffectiveInput = JsonObject.Empty };
        var selector = new MapItemSelector(Asl.Machine(Definition), scope, new Random(1));

        Assert.False(selector.TrySelect(0, JsonValue.Parse("1"), out _, out string error, out string cause));

        Assert.Equal("States.Runtime", error);
        Assert.StartsWith("An error occurred while executing the state 'M' (entered at the event id #4).", cause, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_s_result_goes_through_ResultPath_and_MapStateExited_chains_from_MapRunStarted()
    {
        var (driver, command) = Start();

        var decision = driver.Apply(new MapRunSucceededStimulus(command.MapRunArn, Asl.Json("{'MapRunArn':'a'}")));

        Assert.Equal(["MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"], decision.Events.Select(e => e.Type));
        long runStarted = driver.History.Single(e => e.Type == "MapRunStarted").Id;
        Assert.Equal(runStarted, decision.Events[2].PreviousEventId);
        Assert.Equal("{\"MapRunArn\":\"a\"}", driver.Snapshot!.Output!.ToJsonString());
    }

    [Fact]
    public void A_failed_run_records_MapRunFailed_and_fails_the_state_with_its_error()
    {
        var (driver, command) = Start();

        var decision = driver.Apply(new MapRunFailedStimulus(command.MapRunArn, "States.ExceedToleratedFailureThreshold", "over"));

        Assert.Equal(["MapRunFailed", "MapStateFailed", "ExecutionFailed"], decision.Events.Select(e => e.Type));
        Assert.Equal(("States.ExceedToleratedFailureThreshold", "over"), (driver.Snapshot!.Error, driver.Snapshot.Cause));
    }

    [Fact]
    public void An_answer_for_a_run_nothing_waits_on_is_ignored()
    {
        var (driver, _) = Start();

        var decision = driver.Apply(new MapRunSucceededStimulus("arn:aws:states:us-east-1:123456789012:mapRun:Machine/L:other", JsonArray.Empty));

        Assert.Empty(decision.Events);
        Assert.Null(driver.Snapshot!.Outcome);
    }

    [Fact]
    public void Stopping_the_execution_records_MapRunAborted_and_stops_the_run()
    {
        var (driver, command) = Start();

        var decision = driver.Apply(new StopRequestedStimulus(null, null));

        Assert.Equal(["MapRunAborted", "MapStateAborted", "ExecutionAborted"], decision.Events.Select(e => e.Type));
        Assert.Equal(command.MapRunArn, Assert.Single(decision.Commands.OfType<StopMapRunCommand>()).MapRunArn);
    }

    [Fact]
    public void A_timed_out_execution_stops_its_run()
    {
        var driver = new Driver(Asl.Machine(Definition.Replace("{'StartAt':'A',", "{'TimeoutSeconds':10,'StartAt':'A',", StringComparison.Ordinal)));
        driver.Start(Asl.Json("{'items':[1],'k':'key','size':2}"));

        driver.FireLastTimer();

        Assert.Equal(ExecutionOutcome.TimedOut, driver.Snapshot!.Outcome);
        Assert.Single(driver.Commands.OfType<StopMapRunCommand>());
    }

    [Fact]
    public void A_snapshot_waiting_on_a_run_survives_a_round_trip_and_the_command_serializes()
    {
        var (driver, command) = Start();

        var restored = SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(driver.Snapshot!));
        var decision = Interpreter.Decide(Asl.Machine(Definition), restored, new MapRunSucceededStimulus(command.MapRunArn, JsonArray.Empty),
            Asl.Start, new Random(1));
        var copy = MapRunCommandSerializer.FromJson(MapRunCommandSerializer.ToJson(command));

        Assert.Equal(ExecutionOutcome.Succeeded, decision.Snapshot.Outcome);
        Assert.Equal(MapRunCommandSerializer.ToJson(command).ToJsonString(), MapRunCommandSerializer.ToJson(copy).ToJsonString());
        Assert.Equal(command.ItemScope.Variables.ToJsonString(), copy.ItemScope.Variables.ToJsonString());
    }

    [Fact]
    public void A_distributed_map_without_MaxConcurrency_asks_for_at_most_10000_children_at_once()
    {
        var driver = new Driver(Asl.Machine("""
            {'StartAt':'M','States':{'M':{'Type':'Map','End':true,
              'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'W',
                'States':{'W':{'Type':'Wait','Seconds':5,'End':true}}}}}}
            """));

        var decision = driver.Start(Asl.Json("[1,2]"));

        Assert.Equal(10_000, Assert.Single(decision.Commands.OfType<StartMapRunCommand>()).MaxConcurrency);
        Assert.Empty(decision.Commands.OfType<StartTimerCommand>());
    }
}
