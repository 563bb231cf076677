using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class TerminalStateTests
{
    [Fact]
    public async Task Succeed_applies_InputPath_and_OutputPath_and_records_an_exit()
    {
        var result = await Engines.RunAsync("{'StartAt':'S','States':{'S':{'Type':'Succeed','InputPath':'$.a','OutputPath':'$.b'}}}", "{'a':{'b':7}}");

        Assert.Equal("7", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted SucceedStateEntered SucceedStateExited ExecutionSucceeded", Asl.Types(result.History));
    }

    [Fact]
    public async Task Fail_ends_the_execution_with_its_error_and_cause_and_no_exit_event()
    {
        var result = await Engines.RunAsync("{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Oops','Cause':'because'}}}");

        Assert.Equal((ExecutionStatus.Failed, "Oops", "because"), (result.Status, result.Error, result.Cause));
        Assert.Equal("ExecutionStarted FailStateEntered ExecutionFailed", Asl.Types(result.History));
        Assert.Equal("3:2", $"{result.History[2].Id}:{result.History[2].PreviousEventId}");
    }

    [Fact]
    public async Task A_bare_Fail_state_records_neither_error_nor_cause()
    {
        var result = await Engines.RunAsync("{'StartAt':'F','States':{'F':{'Type':'Fail'}}}");

        Assert.Null(result.Error);
        Assert.Null(result.Cause);
        Assert.Equal("{}", result.History[^1].Details!.ToJsonString());
    }

    [Fact]
    public async Task ErrorPath_and_CausePath_read_the_input_and_the_context_object()
    {
        var result = await Engines.RunAsync("{'StartAt':'F','States':{'F':{'Type':'Fail','ErrorPath':'$.e','CausePath':'$$.State.Name'}}}", "{'e':'Custom'}");

        Assert.Equal(("Custom", "F"), (result.Error, result.Cause));
    }

    [Fact]
    public async Task Choice_takes_the_first_matching_rule_and_otherwise_the_default()
    {
        const string Definition = """
            {'StartAt':'C','States':{
              'C':{'Type':'Choice','Choices':[{'Variable':'$.n','NumericGreaterThan':10,'Next':'Big'}],'Default':'Small'},
              'Big':{'Type':'Pass','Result':'big','End':true},
              'Small':{'Type':'Pass','Result':'small','End':true}}}
            """;

        var big = await Engines.RunAsync(Definition, "{'n':11}");
        var small = await Engines.RunAsync(Definition, "{'n':3}");

        Assert.Equal("\"big\"", Engines.OutputText(big));
        Assert.Equal("\"small\"", Engines.OutputText(small));
        Assert.Equal("ExecutionStarted ChoiceStateEntered ChoiceStateExited PassStateEntered PassStateExited ExecutionSucceeded", Asl.Types(big.History));
    }

    [Fact]
    public async Task Choice_without_a_match_or_default_fails_with_States_NoChoiceMatched()
    {
        var result = await Engines.RunAsync("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.n','NumericEquals':1,'Next':'X'}]},'X':{'Type':'Succeed'}}}", "{'n':2}");

        Assert.Equal((ExecutionStatus.Failed, "States.NoChoiceMatched"), (result.Status, result.Error));
    }
}
