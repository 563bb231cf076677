using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class ParallelStateTests
{
    [Fact]
    public async Task Results_come_in_branch_order_and_the_exit_follows_the_last_branch_event()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,'Branches':[
              {'StartAt':'A','States':{'A':{'Type':'Pass','Result':'a','End':true}}},
              {'StartAt':'B1','States':{'B1':{'Type':'Pass','Next':'B2'},'B2':{'Type':'Pass','Result':'b','End':true}}}]}}}
            """);

        Assert.Equal("""["a","b"]""", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted ParallelStateEntered ParallelStateStarted PassStateEntered PassStateExited PassStateEntered PassStateExited PassStateEntered PassStateExited ParallelStateSucceeded ParallelStateExited ExecutionSucceeded",
            Asl.Types(result.History));
        // Both branch chains start at ParallelStateStarted (id 3); ParallelStateSucceeded and the exit follow the last branch event (id 9).
        Assert.Equal(3, result.History[3].PreviousEventId);
        Assert.Equal(3, result.History[5].PreviousEventId);
        Assert.Equal(9, result.History[9].PreviousEventId);
        Assert.Equal(9, result.History[10].PreviousEventId);
    }

    [Fact]
    public async Task A_failing_branch_fails_the_state_and_its_catcher_gets_the_branch_error()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'Par','States':{'Par':{'Type':'Parallel','Next':'Done','Branches':[
              {'StartAt':'F','States':{'F':{'Type':'Fail','Error':'FailureType','Cause':'Cause description'}}}],
              'Catch':[{'ErrorEquals':['FailureType'],'Next':'Caught'}]},
              'Caught':{'Type':'Pass','End':true},'Done':{'Type':'Pass','End':true}}}
            """);

        Assert.Equal("""{"Error":"FailureType","Cause":"Cause description"}""", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted ParallelStateEntered ParallelStateStarted FailStateEntered ParallelStateFailed ParallelStateExited PassStateEntered PassStateExited ExecutionSucceeded",
            Asl.Types(result.History));
        Assert.Equal("1:0 2:0 3:2 4:3 5:4 6:5 7:6 8:7 9:8", Asl.Links(result.History));
    }

    [Fact]
    public async Task Parameters_build_the_input_every_branch_receives()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,'Parameters':{'x.$':'$.v'},'Branches':[
              {'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},{'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}}]}}}
            """, "{'v':3}");

        Assert.Equal("""[{"x":3},{"x":3}]""", Engines.OutputText(result));
    }

    [Fact]
    public void A_failing_branch_aborts_the_branches_still_waiting()
    {
        var driver = new Driver(Asl.Machine("""
            {'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,'Branches':[
              {'StartAt':'Slow','States':{'Slow':{'Type':'Task','Resource':'arn:aws:states:::x:y','End':true}}},
              {'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Boom'}}}]}}}
            """));

        driver.Start(Asl.Json("{}"));

        Assert.True(driver.Snapshot!.IsFinished);
        Assert.Equal("Boom", driver.Snapshot.Error);
        Assert.Contains(driver.History, e => e.Type == "TaskStateAborted");
        Assert.Contains(driver.Commands, c => c is CancelTaskCommand);
    }

    [Fact]
    public void A_branch_failing_in_a_Task_records_TaskStateAborted_beside_the_chain_before_ParallelStateFailed()
    {
        var driver = new Driver(Asl.Machine("""
            {'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,'Branches':[
              {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','End':true}}}]}}}
            """));
        driver.Start(Asl.Json("{}"));

        driver.Fail("Boom", "cause");

        Assert.Equal("ExecutionStarted ParallelStateEntered ParallelStateStarted TaskStateEntered TaskScheduled TaskStarted TaskFailed TaskStateAborted ParallelStateFailed ExecutionFailed",
            Asl.Types(driver.History));
        // As AWS records it: both TaskStateAborted (8) and ParallelStateFailed (9) follow TaskFailed (7).
        Assert.Equal("1:0 2:0 3:2 4:3 5:4 6:5 7:6 8:7 9:7 10:9", Asl.Links(driver.History));
    }
}
