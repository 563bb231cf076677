using Stepwise.Hosting;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class RetryAndCatchTests
{
    private static Action<StepwiseEngine> FailingTask(int failures, List<JsonValue>? contexts = null) => engine =>
    {
        int calls = 0;
        engine.RegisterTask("arn:aws:states:::flaky:call", (request, _) =>
        {
            contexts?.Add(request.Context);
            return ++calls <= failures ? throw new TaskFailedException("Flaky", "try again") : ValueTask.FromResult<JsonValue>("done");
        });
    };

    [Fact]
    public async Task A_retried_task_is_rescheduled_without_a_new_StateEntered_and_RetryCount_grows()
    {
        var contexts = new List<JsonValue>();
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::flaky:call',
              'Retry':[{'ErrorEquals':['Flaky'],'IntervalSeconds':2,'BackoffRate':3,'MaxAttempts':2}],'End':true}}}
            """, "{}", FailingTask(2, contexts));

        Assert.Equal("\"done\"", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskFailed TaskScheduled TaskStarted TaskFailed TaskScheduled TaskStarted TaskSucceeded TaskStateExited ExecutionSucceeded",
            Asl.Types(result.History));
        Assert.Equal(5, result.History[5].PreviousEventId);
        Assert.Equal([0, 1, 2], contexts.Select(c => (int)c.AsObject()["State"]!.AsObject()["RetryCount"]!.AsNumber().ToDouble()).ToArray());
        // Delays of 2 s then 6 s, on the virtual clock.
        Assert.Equal(Asl.Start.AddSeconds(2), result.History[5].Timestamp);
        Assert.Equal(Asl.Start.AddSeconds(8), result.History[8].Timestamp);
    }

    [Fact]
    public async Task Retry_with_MaxAttempts_zero_goes_straight_to_the_catcher()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::flaky:call',
              'Retry':[{'ErrorEquals':['Flaky'],'MaxAttempts':0}],
              'Catch':[{'ErrorEquals':['Flaky'],'ResultPath':'$.error','Next':'Handled'}],'End':true},
              'Handled':{'Type':'Pass','End':true}}}
            """, "{'in':1}", FailingTask(5));

        Assert.Equal("""{"in":1,"error":{"Error":"Flaky","Cause":"try again"}}""", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskFailed TaskStateExited PassStateEntered PassStateExited ExecutionSucceeded",
            Asl.Types(result.History));
    }

    [Fact]
    public async Task Only_the_first_matching_retrier_counts_even_when_it_is_exhausted()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::flaky:call',
              'Retry':[{'ErrorEquals':['Flaky'],'MaxAttempts':1},{'ErrorEquals':['States.ALL'],'MaxAttempts':5}],'End':true}}}
            """, "{}", FailingTask(3));

        Assert.Equal((ExecutionStatus.Failed, "Flaky"), (result.Status, result.Error));
        Assert.Equal(2, result.History.Count(e => e.Type == "TaskScheduled"));
    }

    [Fact]
    public async Task A_catcher_on_an_End_state_still_transitions_to_its_Next()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::flaky:call',
              'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Handled'}],'End':true},
              'Handled':{'Type':'Pass','Result':'handled','End':true}}}
            """, "{}", FailingTask(1));

        Assert.Equal("\"handled\"", Engines.OutputText(result));
    }

    [Fact]
    public void States_TaskFailed_does_not_catch_a_timeout_but_States_ALL_does()
    {
        var driverDefinition = """
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','TimeoutSeconds':1,
              'Catch':[{'ErrorEquals':['States.TaskFailed'],'Next':'A'},{'ErrorEquals':['States.ALL'],'Next':'B'}],'End':true},
              'A':{'Type':'Pass','Result':'A','End':true},'B':{'Type':'Pass','Result':'B','End':true}}}
            """;
        var driver = new Driver(Asl.Machine(driverDefinition));
        driver.Start(Asl.Json("{}"));

        driver.FireLastTimer();

        Assert.Equal("\"B\"", driver.Snapshot!.Output!.ToJsonString());
    }

    [Fact]
    public async Task States_Runtime_errors_are_neither_retried_nor_caught()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::flaky:call','OutputPath':'$.nope',
              'Retry':[{'ErrorEquals':['States.ALL']}],'Catch':[{'ErrorEquals':['States.ALL'],'Next':'H'}],'End':true},
              'H':{'Type':'Succeed'}}}
            """, "{}", FailingTask(0));

        Assert.Equal((ExecutionStatus.Failed, "States.Runtime"), (result.Status, result.Error));
        Assert.Single(result.History, e => e.Type == "TaskScheduled");
    }

    [Fact]
    public void Full_jitter_is_drawn_once_into_the_timer_so_replays_repeat_it()
    {
        const string Definition = """
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x:y',
              'Retry':[{'ErrorEquals':['E'],'IntervalSeconds':100,'JitterStrategy':'FULL'}],'End':true}}}
            """;
        DateTimeOffset Due(int seed)
        {
            var driver = new Driver(Asl.Machine(Definition), seed);
            driver.Start(Asl.Json("{}"));
            driver.Fail("E", null);
            return driver.LastTimer().DueTime;
        }

        var due = Due(1);

        Assert.Equal(due, Due(1));
        Assert.InRange(due, Asl.Start, Asl.Start.AddSeconds(100));
        Assert.NotEqual(Asl.Start.AddSeconds(100), due);
    }
}
