using Stepwise.Json;
using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class MapStateTests
{
    [Fact]
    public async Task MaxConcurrency_one_runs_iterations_in_sequence_with_AWS_event_links()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,'ItemsPath':'$.items','End':true,
              'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """, "{'items':[1,2]}");

        Assert.Equal("[1,2]", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted MapStateEntered MapStateStarted MapIterationStarted PassStateEntered PassStateExited MapIterationSucceeded MapIterationStarted PassStateEntered PassStateExited MapIterationSucceeded MapStateSucceeded MapStateExited ExecutionSucceeded",
            Asl.Types(result.History));
        // The next iteration follows the previous iteration's last state event (6), not its MapIterationSucceeded (7);
        // MapStateSucceeded and MapStateExited both follow the last MapIterationSucceeded (11).
        Assert.Equal("1:0 2:0 3:2 4:3 5:4 6:5 7:6 8:6 9:8 10:9 11:10 12:11 13:11 14:13", Asl.Links(result.History));
    }

    [Fact]
    public async Task Without_MaxConcurrency_every_iteration_starts_from_MapStateStarted()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """, "[1,2,3]");

        var starts = result.History.Where(e => e.Type == "MapIterationStarted").ToList();
        Assert.Equal(3, starts.Count);
        Assert.All(starts, e => Assert.Equal(3, e.PreviousEventId));
        Assert.Equal("[1,2,3]", Engines.OutputText(result));
    }

    [Fact]
    public async Task ItemSelector_sees_the_state_input_and_the_Map_Item_context()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.xs','End':true,
              'ItemSelector':{'i.$':'$$.Map.Item.Index','v.$':'$$.Map.Item.Value','tag.$':'$.tag'},
              'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """, "{'xs':['a','b'],'tag':'t'}");

        Assert.Equal("""[{"i":0,"v":"a","tag":"t"},{"i":1,"v":"b","tag":"t"}]""", Engines.OutputText(result));
    }

    [Fact]
    public async Task The_legacy_Iterator_and_Parameters_fields_still_work()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','End':true,'Parameters':{'v.$':'$$.Map.Item.Value'},
              'Iterator':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """, "[5]");

        Assert.Equal("""[{"v":5}]""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_failed_iteration_fails_the_map_and_retries_restart_it_without_a_new_StateEntered()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,'End':true,
              'Retry':[{'ErrorEquals':['ItemError'],'MaxAttempts':1}],
              'ItemProcessor':{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'ItemError','Cause':'bad item'}}}}}}
            """, "[1]");

        Assert.Equal((ExecutionStatus.Failed, "ItemError", "bad item"), (result.Status, result.Error, result.Cause));
        Assert.Equal("ExecutionStarted MapStateEntered MapStateStarted MapIterationStarted FailStateEntered MapIterationFailed MapStateStarted MapIterationStarted FailStateEntered MapIterationFailed MapStateFailed ExecutionFailed",
            Asl.Types(result.History));
        // The retried MapStateStarted and the final MapStateFailed follow the failing state's event, not MapIterationFailed.
        Assert.Equal(5, result.History[6].PreviousEventId);
        Assert.Equal(9, result.History[10].PreviousEventId);
    }

    [Fact]
    public async Task ToleratedFailureCount_lets_that_many_iterations_fail()
    {
        const string Definition = """
            {'StartAt':'M','States':{'M':{'Type':'Map','End':true,'ToleratedFailureCount':1,
              'ItemProcessor':{'StartAt':'C','States':{
                'C':{'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':0,'Next':'F'}],'Default':'P'},
                'F':{'Type':'Fail','Error':'Zero'},'P':{'Type':'Pass','End':true}}}}}}
            """;

        var tolerated = await Engines.RunAsync(Definition, "[0,1,2]");
        var exceeded = await Engines.RunAsync(Definition, "[0,0,1]");

        Assert.Equal(ExecutionStatus.Succeeded, tolerated.Status);
        Assert.Equal("States.ExceedToleratedFailureThreshold", exceeded.Error);
    }

    [Fact]
    public async Task Items_that_are_not_an_array_fail_with_States_Runtime()
    {
        var result = await Engines.RunAsync("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}", "{'a':1}");

        Assert.Equal("States.Runtime", result.Error);
    }

    [Fact]
    public async Task A_distributed_map_records_only_its_map_run()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','Label':'L','End':true,
              'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """, "['x','y']");

        Assert.Equal("""["x","y"]""", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted MapStateEntered MapStateStarted MapRunStarted MapRunSucceeded MapStateSucceeded MapStateExited ExecutionSucceeded", Asl.Types(result.History));
        Assert.Contains(":mapRun:StateMachine/L:", result.History[3].Details!["mapRunArn"]!.AsString(), StringComparison.Ordinal);
        // MapStateSucceeded follows MapRunSucceeded, but MapStateExited chains from MapRunStarted (AWS since late 2024).
        Assert.Equal(result.History[4].Id, result.History[5].PreviousEventId);
        Assert.Equal(result.History[3].Id, result.History[6].PreviousEventId);
    }

    [Theory]
    [InlineData("'50'", "SUCCEEDED")]
    [InlineData("50", "SUCCEEDED")]
    [InlineData("'half'", "FAILED")]
    public async Task ToleratedFailurePercentagePath_reads_a_number_or_a_string_holding_one(string percentage, string status)
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','ToleratedFailurePercentagePath':'$.p','End':true,
              'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """, "{'items':[1,2],'p':" + percentage + "}");

        Assert.Equal(status, result.Status.ToAwsString());
    }

    [Fact]
    public async Task A_distributed_child_cannot_read_the_parent_s_variables_but_the_ItemSelector_can()
    {
        const string Machine = """
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'x':7},'Next':'M'},
              'M':{'Type':'Map','End':true,'ItemSelector':{'fromSelector.$':'$x'},
                'ItemProcessor':{'ProcessorConfig':{'Mode':'MODE'},'StartAt':'I',
                  'States':{'I':{'Type':'Pass','Parameters':{'fromChild.$':'$x'},'End':true}}}}}}
            """;

        var inline = await Engines.RunAsync(Machine.Replace("MODE", "INLINE", StringComparison.Ordinal), "[1]");
        var distributed = await Engines.RunAsync(Machine.Replace("MODE", "DISTRIBUTED", StringComparison.Ordinal), "[1]");

        Assert.Equal("""[{"fromChild":7}]""", Engines.OutputText(inline));
        Assert.Equal("FAILED", distributed.Status.ToAwsString());
        Assert.Equal("States.ExceedToleratedFailureThreshold", distributed.Error);
    }

    [Theory]
    [InlineData("STANDARD", ":execution:StateMachine/L:")]
    [InlineData("EXPRESS", ":express:StateMachine/L:")]
    public async Task Each_distributed_item_runs_as_a_child_execution_named_after_the_map_run(string type, string arnPart)
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','Label':'L','End':true,
              'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'TYPE'},'StartAt':'I',
                'States':{'I':{'Type':'Pass','Parameters':{'id.$':'$$.Execution.Id','machine.$':'$$.StateMachine.Id','item.$':'$'},'End':true}}}}}}
            """.Replace("TYPE", type, StringComparison.Ordinal), "['x','y']");

        var outputs = result.Output!.AsArray().Select(o => o.AsObject()).ToList();
        Assert.Equal(["x", "y"], outputs.Select(o => o["item"]!.AsString()));
        Assert.All(outputs, o => Assert.Contains(arnPart, o["id"]!.AsString(), StringComparison.Ordinal));
        Assert.All(outputs, o => Assert.EndsWith(":stateMachine:StateMachine/L", o["machine"]!.AsString(), StringComparison.Ordinal));
        Assert.NotEqual(outputs[0]["id"]!.AsString(), outputs[1]["id"]!.AsString());
    }
}
