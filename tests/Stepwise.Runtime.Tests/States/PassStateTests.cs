using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class PassStateTests
{
    [Fact]
    public async Task Result_is_a_literal_even_its_path_looking_keys()
    {
        var result = await Engines.RunAsync("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':{'a.$':'$.x'},'End':true}}}", "{'x':1}");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"a.$":"$.x"}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task Data_flows_through_InputPath_Parameters_ResultPath_and_OutputPath_in_that_order()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'P','States':{'P':{'Type':'Pass','InputPath':'$.in','Parameters':{'v.$':'$.value','k':'lit'},
              'ResultPath':'$.out','OutputPath':'$.out','End':true}}}
            """, "{'in':{'value':5},'other':true}");

        Assert.Equal("""{"v":5,"k":"lit"}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_null_ResultPath_keeps_the_raw_input_and_a_null_OutputPath_yields_an_empty_object()
    {
        var kept = await Engines.RunAsync("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':1,'ResultPath':null,'End':true}}}", "{'a':1}");
        var emptied = await Engines.RunAsync("{'StartAt':'P','States':{'P':{'Type':'Pass','OutputPath':null,'End':true}}}", "{'a':1}");

        Assert.Equal("""{"a":1}""", Engines.OutputText(kept));
        Assert.Equal("{}", Engines.OutputText(emptied));
    }

    [Fact]
    public async Task History_chains_events_with_the_first_state_pointing_at_event_zero()
    {
        var result = await Engines.RunAsync("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','End':true}}}");

        Assert.Equal("ExecutionStarted PassStateEntered PassStateExited PassStateEntered PassStateExited ExecutionSucceeded", Asl.Types(result.History));
        Assert.Equal("1:0 2:0 3:2 4:3 5:4 6:5", Asl.Links(result.History));
    }

    [Fact]
    public async Task Event_details_hold_json_text_as_the_API_returns_it()
    {
        var result = await Engines.RunAsync("{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'b':[1,2]},'End':true}}}", "{'a':1}");

        var entered = result.History[1].ToAwsJson();
        var exited = result.History[2];
        Assert.Equal("""{"input":"{\"a\":1}","inputDetails":{"truncated":false},"name":"A"}""", entered["stateEnteredEventDetails"]!.ToJsonString());
        Assert.Equal("stateExitedEventDetails", exited.DetailsName);
        Assert.Equal("""{"b":[1,2]}""", exited.Details!["output"]!.AsString());
    }

    [Fact]
    public async Task A_missing_InputPath_fails_the_execution_with_the_state_prefixed_runtime_error()
    {
        var result = await Engines.RunAsync("{'StartAt':'A','States':{'A':{'Type':'Pass','InputPath':'$.missing','End':true}}}");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.StartsWith("An error occurred while executing the state 'A' (entered at the event id #2). Invalid path '$.missing'", result.Cause);
        Assert.Equal("ExecutionStarted PassStateEntered ExecutionFailed", Asl.Types(result.History));
    }

    [Fact]
    public async Task An_output_over_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var big = new string('x', 270_000);
        var result = await Engines.RunAsync("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}", "{'s':'" + big + "'}");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.DataLimitExceeded", result.Error);
    }
}
