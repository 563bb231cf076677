using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Lifecycle;

public sealed class HistoryLimitTests
{
    private const string ChoiceLoop =
        "{'StartAt':'Loop','States':{'Loop':{'Type':'Choice','Choices':[{'Variable':'$.stop','BooleanEquals':true,'Next':'Done'}],'Default':'Loop'},'Done':{'Type':'Succeed'}}}";

    [Fact]
    public void A_Standard_choice_loop_fails_with_States_Runtime_as_event_25000()
    {
        var driver = new Driver(Asl.Machine(ChoiceLoop));

        var decision = driver.Start(Asl.Json("{'stop':false}"));

        Assert.Equal(ExecutionOutcome.Failed, decision.Snapshot.Outcome);
        Assert.Equal(25_000, driver.History.Count);
        var last = driver.History[^1];
        Assert.Equal("ExecutionFailed", last.Type);
        Assert.Equal(25_000, last.Id);
        Assert.Equal(24_999, last.PreviousEventId);
        Assert.Equal("ChoiceStateExited", driver.History[^2].Type);
        Assert.Equal("States.Runtime", last.Details!["error"]!.AsString());
        Assert.Equal("The execution reached the maximum number of history events (25000).", last.Details["cause"]!.AsString());
    }

    [Fact]
    public void The_execution_that_hits_the_limit_leaves_no_timer_or_task_behind()
    {
        // Each loop schedules a task; the limit cuts the loop in the middle of one, so nothing may stay scheduled.
        var machine = Asl.Machine("{'StartAt':'Work','States':{"
            + "'Work':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f','TimeoutSeconds':30,'Next':'Loop'},"
            + "'Loop':{'Type':'Choice','Choices':[{'Variable':'$.stop','BooleanEquals':true,'Next':'Done'}],'Default':'Work'},"
            + "'Done':{'Type':'Succeed'}}}");
        var driver = new Driver(machine);
        driver.Start(Asl.Json("{'stop':false}"));
        while (!driver.Snapshot!.IsFinished)
        {
            driver.Succeed(Asl.Json("{'stop':false}"));
        }

        Assert.Equal(25_000, driver.History[^1].Id);
        Assert.Equal("ExecutionFailed", driver.History[^1].Type);
        var finish = driver.Commands.FindLastIndex(c => c is FinishExecutionCommand);
        Assert.Equal(driver.Commands.Count - 1, finish);
    }

    [Fact]
    public async Task The_in_memory_engine_enforces_the_limit_for_Standard_runs()
    {
        var result = await Engines.RunAsync(ChoiceLoop, "{'stop':false}");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal(25_000, result.History.Count);
    }
}
