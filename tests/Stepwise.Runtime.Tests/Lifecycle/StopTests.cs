using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Lifecycle;

public sealed class StopTests
{
    private const string Lambda = "'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f'";

    [Fact]
    public void Stopping_a_Wait_records_only_ExecutionAborted_outside_every_chain_as_AWS_does()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'State_1','States':{'State_1':{'Type':'Wait','Seconds':60,'Next':'State_2'},'State_2':{'Type':'Pass','End':true}}}"));
        driver.Start(Asl.Json("{}"));

        var decision = driver.Apply(new StopRequestedStimulus(null, null));

        Assert.Equal(ExecutionOutcome.Aborted, decision.Snapshot.Outcome);
        Assert.Equal("ExecutionStarted WaitStateEntered ExecutionAborted", Asl.Types(driver.History));
        Assert.Equal("1:0 2:0 3:0", Asl.Links(driver.History));
        Assert.Equal("{}", driver.History[^1].Details!.ToJsonString());
        Assert.Contains(decision.Commands, c => c is CancelTimerCommand);
    }

    [Fact]
    public void Stopping_a_running_Task_records_TaskStateAborted_after_its_last_event_and_cancels_the_task()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}}"));
        driver.Start(Asl.Json("{}"));
        var invoke = driver.LastInvoke();
        driver.Apply(new TaskStartedStimulus(invoke.TaskId));

        var decision = driver.Apply(new StopRequestedStimulus("Halt", "by test"));

        Assert.Equal("ExecutionStarted TaskStateEntered LambdaFunctionScheduled LambdaFunctionStarted TaskStateAborted ExecutionAborted", Asl.Types(driver.History));
        Assert.Equal(4, driver.History[4].PreviousEventId);
        Assert.Equal(0, driver.History[5].PreviousEventId);
        Assert.Equal("{\"error\":\"Halt\",\"cause\":\"by test\"}", driver.History[5].Details!.ToJsonString());
        Assert.Contains(decision.Commands, c => c is CancelTaskCommand cancel && cancel.TaskId == invoke.TaskId);
    }

    [Fact]
    public void Stopping_inside_a_Parallel_aborts_each_running_branch_then_the_Parallel_state_last()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
            + "{'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}},"
            + "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}]}}}"));
        driver.Start(Asl.Json("{}"));

        driver.Apply(new StopRequestedStimulus(null, null));

        var types = Asl.Types(driver.History).Split(' ');
        Assert.Equal(["TaskStateAborted", "ParallelStateAborted", "ExecutionAborted"], types[^3..]);
        var taskScheduled = driver.History.Single(e => e.Type == "LambdaFunctionScheduled");
        Assert.Equal(taskScheduled.Id, driver.History[^3].PreviousEventId);
        var parallelStarted = driver.History.Single(e => e.Type == "ParallelStateStarted");
        Assert.Equal(parallelStarted.Id, driver.History[^2].PreviousEventId);
    }

    [Fact]
    public void Stopping_inside_a_Map_aborts_each_running_iteration_then_the_Map_state_and_leaves_queued_items_alone()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,'End':true,"
            + "'ItemProcessor':{'StartAt':'T','States':{'T':{" + Lambda + ",'End':true}}}}}}"));
        driver.Start(Asl.Json("[1,2,3]"));

        var decision = driver.Apply(new StopRequestedStimulus(null, null));

        Assert.Equal(
            "MapIterationAborted TaskStateAborted MapIterationAborted TaskStateAborted MapStateAborted ExecutionAborted",
            Asl.Types(decision.Events));
        Assert.Equal([0, 1], decision.Events.Where(e => e.Type == "MapIterationAborted").Select(e => (int)e.Details!["index"]!.AsNumber().ToDouble()));
        Assert.Equal(2, decision.Commands.OfType<CancelTaskCommand>().Count());
    }

    [Fact]
    public void An_execution_timeout_records_ExecutionTimedOut_outside_every_chain()
    {
        var driver = new Driver(Asl.Machine("{'TimeoutSeconds':5,'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}"));
        driver.Start(Asl.Json("{}"));
        var timeout = driver.Commands.OfType<StartTimerCommand>().First();
        driver.Now = timeout.DueTime;

        driver.Apply(new TimerFiredStimulus(timeout.TimerId));

        Assert.Equal("ExecutionTimedOut", driver.History[^1].Type);
        Assert.Equal(0, driver.History[^1].PreviousEventId);
    }
}
