using Stepwise.Runtime.Serialization;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Lifecycle;

public sealed class RedriveTests
{
    private const string Lambda = "'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f'";

    [Fact]
    public void A_failed_execution_runs_again_from_the_failed_state_with_its_input_and_a_higher_RedriveCount()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'A','States':{"
            + "'A':{'Type':'Pass','Result':{'from':'A'},'Next':'T'},"
            + "'T':{" + Lambda + ",'Parameters':{'input.$':'$','count.$':'$$.Execution.RedriveCount'},'End':true}}}"));
        driver.Start(Asl.Json("{}"));
        driver.Fail("Boom", "first attempt");
        int failedAt = driver.History.Count;

        var decision = driver.Apply(new RedriveRequestedStimulus());

        Assert.Null(decision.Snapshot.Outcome);
        Assert.Equal(1, decision.Snapshot.Info.RedriveCount);
        var redriven = decision.Events[0];
        Assert.Equal("ExecutionRedriven", redriven.Type);
        Assert.Equal(failedAt + 1, redriven.Id);
        Assert.Equal("{\"redriveCount\":1}", redriven.Details!.ToJsonString());
        var entered = decision.Events[1];
        Assert.Equal("TaskStateEntered", entered.Type);
        Assert.Equal(redriven.Id, entered.PreviousEventId);
        Assert.Equal("{\"from\":\"A\"}", entered.Details!["input"]!.AsString());
        Assert.Equal("{\"input\":{\"from\":\"A\"},\"count\":1}", driver.LastInvoke().Input.ToJsonString());
        Assert.DoesNotContain(decision.Events, e => e.Type == "PassStateEntered");

        driver.Succeed(Asl.Json("{'ok':true}"));
        Assert.Equal(ExecutionOutcome.Succeeded, driver.Snapshot!.Outcome);
        Assert.Equal("{\"ok\":true}", driver.Snapshot.Output!.ToJsonString());
    }

    [Fact]
    public void A_Parallel_redrive_runs_only_the_failed_branch_and_keeps_the_other_s_result_across_a_snapshot_round_trip()
    {
        var machine = Asl.Machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
            + "{'StartAt':'Fixed','States':{'Fixed':{'Type':'Pass','Result':'kept','End':true}}},"
            + "{'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}}]}}}");
        var driver = new Driver(machine);
        driver.Start(Asl.Json("{}"));
        driver.Fail("Boom", null);
        Assert.Equal(ExecutionOutcome.Failed, driver.Snapshot!.Outcome);
        var restored = SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(driver.Snapshot));

        var redrive = Interpreter.Decide(machine, restored, new RedriveRequestedStimulus(), Asl.Start, new Random(1));

        Assert.Equal("ExecutionRedriven ParallelStateEntered ParallelStateStarted TaskStateEntered LambdaFunctionScheduled", Asl.Types(redrive.Events));
        var invoke = redrive.Commands.OfType<InvokeTaskCommand>().Single();
        var started = Interpreter.Decide(machine, redrive.Snapshot, new TaskStartedStimulus(invoke.TaskId), Asl.Start, new Random(1));
        var done = Interpreter.Decide(machine, started.Snapshot, new TaskSucceededStimulus(invoke.TaskId, Asl.Json("'fresh'")), Asl.Start, new Random(1));
        Assert.Equal(ExecutionOutcome.Succeeded, done.Snapshot.Outcome);
        Assert.Equal("[\"kept\",\"fresh\"]", done.Snapshot.Output!.ToJsonString());
    }

    [Fact]
    public void A_Map_redrive_runs_the_failed_and_the_never_started_iterations_only()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,'End':true,"
            + "'ItemProcessor':{'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}}}}}"));
        driver.Start(Asl.Json("[10,20,30]"));
        driver.Succeed(Asl.Json("'r10'"));
        driver.Fail("Boom", null);
        Assert.Equal(ExecutionOutcome.Failed, driver.Snapshot!.Outcome);

        var decision = driver.Apply(new RedriveRequestedStimulus());
        Assert.Equal("20", driver.LastInvoke().Input.ToJsonString());
        driver.Succeed(Asl.Json("'r20'"));
        Assert.Equal("30", driver.LastInvoke().Input.ToJsonString());
        driver.Succeed(Asl.Json("'r30'"));

        var iterations = driver.History.Skip(driver.History.IndexOf(decision.Events[0]))
            .Where(e => e.Type == "MapIterationStarted").Select(e => e.Details!["index"]!.ToJsonString());
        Assert.Equal(["1", "2"], iterations);
        Assert.Equal(ExecutionOutcome.Succeeded, driver.Snapshot.Outcome);
        Assert.Equal("[\"r10\",\"r20\",\"r30\"]", driver.Snapshot.Output!.ToJsonString());
    }

    private const string DistributedMap = "{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,'End':true,"
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}}}}}";

    [Fact]
    public void A_distributed_Map_whose_run_failed_redrives_the_same_map_run_across_a_snapshot_round_trip()
    {
        var machine = Asl.Machine(DistributedMap);
        var driver = new Driver(machine);
        driver.Start(Asl.Json("[10,20,30]"));
        var first = driver.Commands.OfType<StartMapRunCommand>().Single();
        driver.Apply(new MapRunFailedStimulus(first.MapRunArn, "States.ExceedToleratedFailureThreshold", "over"));
        Assert.Equal(ExecutionOutcome.Failed, driver.Snapshot!.Outcome);
        var restored = SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(driver.Snapshot));

        var redrive = Interpreter.Decide(machine, restored, new RedriveRequestedStimulus(), Asl.Start, new Random(1));

        Assert.Equal("ExecutionRedriven MapStateEntered MapStateStarted MapRunRedriven", Asl.Types(redrive.Events));
        var redriven = redrive.Events[^1];
        Assert.Equal("mapRunRedrivenEventDetails", redriven.DetailsName);
        Assert.Equal(first.MapRunArn, redriven.Details!["mapRunArn"]!.AsString());
        Assert.Equal("1", redriven.Details["redriveCount"]!.ToJsonString());
        var second = Assert.Single(redrive.Commands.OfType<StartMapRunCommand>());
        Assert.Equal(first.MapRunArn, second.MapRunArn);
        Assert.Equal(1, second.RedriveCount);
        Assert.Equal("[10,20,30]", second.Items!.ToJsonString());
        var done = Interpreter.Decide(machine, redrive.Snapshot, new MapRunSucceededStimulus(second.MapRunArn, Asl.Json("['r10','r20','r30']")),
            Asl.Start, new Random(1));
        Assert.Equal(ExecutionOutcome.Succeeded, done.Snapshot.Outcome);
        Assert.Equal("MapRunSucceeded MapStateSucceeded MapStateExited ExecutionSucceeded", Asl.Types(done.Events));
    }

    [Fact]
    public void A_second_redrive_of_the_same_map_run_counts_two_and_a_stopped_parent_redrives_its_aborted_run()
    {
        var driver = new Driver(Asl.Machine(DistributedMap));
        driver.Start(Asl.Json("[1]"));
        var first = driver.Commands.OfType<StartMapRunCommand>().Single();
        driver.Apply(new MapRunFailedStimulus(first.MapRunArn, "States.ExceedToleratedFailureThreshold", "over"));
        driver.Apply(new RedriveRequestedStimulus());
        driver.Apply(new StopRequestedStimulus(null, null));
        Assert.Contains(driver.History, e => e.Type == "MapRunAborted");

        var decision = driver.Apply(new RedriveRequestedStimulus());

        var redriven = decision.Events.Single(e => e.Type == "MapRunRedriven");
        Assert.Equal(first.MapRunArn, redriven.Details!["mapRunArn"]!.AsString());
        Assert.Equal("2", redriven.Details["redriveCount"]!.ToJsonString());
        Assert.Equal(2, decision.Commands.OfType<StartMapRunCommand>().Single().RedriveCount);
    }

    [Fact]
    public void A_map_run_redriven_a_thousand_times_fails_the_next_redrive_with_States_Runtime()
    {
        var machine = Asl.Machine(DistributedMap);
        var driver = new Driver(machine);
        driver.Start(Asl.Json("[1]"));
        var first = driver.Commands.OfType<StartMapRunCommand>().Single();
        driver.Apply(new MapRunFailedStimulus(first.MapRunArn, "States.ExceedToleratedFailureThreshold", "over"));
        string json = SnapshotSerializer.Serialize(driver.Snapshot!);
        Assert.Contains("\"lastMapRunRedriveCount\":0", json, StringComparison.Ordinal);
        var atLimit = SnapshotSerializer.Deserialize(json.Replace("\"lastMapRunRedriveCount\":0",
            $"\"lastMapRunRedriveCount\":{StartMapRunCommand.MaxRedrives}", StringComparison.Ordinal));
        var below = SnapshotSerializer.Deserialize(json.Replace("\"lastMapRunRedriveCount\":0",
            $"\"lastMapRunRedriveCount\":{StartMapRunCommand.MaxRedrives - 1}", StringComparison.Ordinal));

        var refused = Interpreter.Decide(machine, atLimit, new RedriveRequestedStimulus(), Asl.Start, new Random(1));
        var last = Interpreter.Decide(machine, below, new RedriveRequestedStimulus(), Asl.Start, new Random(1));

        Assert.Empty(refused.Commands.OfType<StartMapRunCommand>());
        Assert.DoesNotContain(refused.Events, e => e.Type == "MapRunRedriven");
        Assert.Equal((ExecutionOutcome.Failed, "States.Runtime"), (refused.Snapshot.Outcome, refused.Snapshot.Error));
        Assert.Equal(StartMapRunCommand.MaxRedrives, last.Commands.OfType<StartMapRunCommand>().Single().RedriveCount);
    }

    [Fact]
    public void A_retry_of_a_distributed_Map_whose_run_failed_starts_a_new_map_run()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,"
            + "'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':1,'MaxAttempts':1}],"
            + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED'},'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}}}}"));
        driver.Start(Asl.Json("[1]"));
        var first = driver.Commands.OfType<StartMapRunCommand>().Single();
        driver.Apply(new MapRunFailedStimulus(first.MapRunArn, "States.ExceedToleratedFailureThreshold", "over"));

        driver.FireLastTimer();

        var second = driver.Commands.OfType<StartMapRunCommand>().Last();
        Assert.NotEqual(first.MapRunArn, second.MapRunArn);
        Assert.Equal(0, second.RedriveCount);
        Assert.DoesNotContain(driver.History, e => e.Type == "MapRunRedriven");
    }

    [Fact]
    public void An_aborted_execution_redrives_the_task_the_stop_cut_short()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}}"));
        driver.Start(Asl.Json("{'n':1}"));
        var first = driver.LastInvoke();
        driver.Apply(new StopRequestedStimulus(null, null));

        driver.Apply(new RedriveRequestedStimulus());

        Assert.NotEqual(first.TaskId, driver.LastInvoke().TaskId);
        Assert.Equal("{\"n\":1}", driver.LastInvoke().Input.ToJsonString());
        driver.Succeed(Asl.Json("{}"));
        Assert.Equal(ExecutionOutcome.Succeeded, driver.Snapshot!.Outcome);
    }

    [Fact]
    public void A_Map_stopped_midway_redrives_its_unfinished_iterations_and_keeps_the_finished_ones()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,"
            + "'ItemProcessor':{'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}}}}}"));
        driver.Start(Asl.Json("[1,2]"));
        var invokes = driver.Commands.OfType<InvokeTaskCommand>().ToList();
        driver.Apply(new TaskStartedStimulus(invokes[0].TaskId));
        driver.Apply(new TaskSucceededStimulus(invokes[0].TaskId, Asl.Json("'one'")));
        driver.Apply(new StopRequestedStimulus(null, null));

        var decision = driver.Apply(new RedriveRequestedStimulus());

        Assert.Equal("ExecutionRedriven TaskStateEntered LambdaFunctionScheduled", Asl.Types(decision.Events));
        driver.Succeed(Asl.Json("'two'"));
        Assert.Equal("[\"one\",\"two\"]", driver.Snapshot!.Output!.ToJsonString());
    }

    [Fact]
    public void A_timed_out_execution_redrives_the_state_it_was_in_with_a_fresh_execution_timeout()
    {
        var driver = new Driver(Asl.Machine("{'TimeoutSeconds':5,'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}}"));
        driver.Start(Asl.Json("{}"));
        var timeout = driver.Commands.OfType<StartTimerCommand>().First();
        driver.Now = timeout.DueTime;
        driver.Apply(new TimerFiredStimulus(timeout.TimerId));
        Assert.Equal(ExecutionOutcome.TimedOut, driver.Snapshot!.Outcome);
        driver.Now = timeout.DueTime.AddMinutes(1);

        var decision = driver.Apply(new RedriveRequestedStimulus());

        Assert.Equal("ExecutionRedriven TaskStateEntered LambdaFunctionScheduled", Asl.Types(decision.Events));
        var fresh = decision.Commands.OfType<StartTimerCommand>().Single();
        Assert.Equal(driver.Now.AddSeconds(5), fresh.DueTime);
    }

    [Fact]
    public void Redriving_a_running_or_succeeded_execution_is_a_host_bug()
    {
        var machine = Asl.Machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'End':true}}}");
        var driver = new Driver(machine);
        driver.Start(Asl.Json("{}"));

        Assert.Throws<InvalidOperationException>(() => driver.Apply(new RedriveRequestedStimulus()));
        driver.FireLastTimer();
        Assert.Equal(ExecutionOutcome.Succeeded, driver.Snapshot!.Outcome);
        Assert.Throws<InvalidOperationException>(() => driver.Apply(new RedriveRequestedStimulus()));
    }
}
