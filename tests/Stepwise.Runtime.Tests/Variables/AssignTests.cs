using Stepwise.Hosting;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Variables;

public sealed class AssignTests
{
    private static string? AssignedVariables(ExecutionResult result, string stateName)
    {
        var exited = result.History.Single(e => e.Type.EndsWith("StateExited", StringComparison.Ordinal)
            && e.Details!.TryGetValue("name", out var name) && name is JsonString s && s.Value == stateName);
        return exited.Details!.TryGetValue("assignedVariables", out var assigned) ? assigned.ToJsonString() : null;
    }

    [Fact]
    public async Task Every_field_of_a_state_sees_the_variables_from_state_entry()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{
              'A':{'Type':'Pass','Assign':{'x':1},'Next':'B'},
              'B':{'Type':'Pass','Parameters':{'p.$':'$x'},'Assign':{'x':2,'old.$':'$x'},'OutputPath':'$x','Next':'C'},
              'C':{'Type':'Pass','Parameters':{'x.$':'$x','old.$':'$old','input.$':'$'},'End':true}}}
            """);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"x":2,"old":1,"input":1}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_Pass_state_assigns_from_its_result_not_its_input()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'r':'result'},'Assign':{'v.$':'$.r'},'ResultPath':'$.out','Next':'B'},
              'B':{'Type':'Pass','Parameters':{'v.$':'$v'},'End':true}}}
            """, "{'r':'input'}");

        Assert.Equal("""{"v":"result"}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task StateExited_records_the_assigned_values_as_JSON_text_with_names_in_ordinal_order()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'zeta':{'a':[1,2]},'Alpha':'text','mid.$':'$.n'},'End':true}}}
            """, "{'n':1.5}");

        Assert.Equal("""{"Alpha":"\"text\"","mid":"1.5","zeta":"{\"a\":[1,2]}"}""", AssignedVariables(result, "A"));
        var exited = result.History.Single(e => e.Type == "PassStateExited");
        Assert.True(exited.Details!.TryGetValue("assignedVariablesDetails", out var details));
        Assert.Equal("""{"truncated":false}""", details.ToJsonString());
    }

    [Fact]
    public async Task A_state_without_Assign_or_with_an_empty_one_records_no_assigned_variables()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{},'Next':'B'},'B':{'Type':'Pass','End':true}}}
            """);

        Assert.Null(AssignedVariables(result, "A"));
        Assert.Null(AssignedVariables(result, "B"));
        Assert.All(result.History, e => Assert.False(e.Details?.TryGetValue("assignedVariablesDetails", out _) ?? false));
    }

    [Fact]
    public async Task Choice_applies_the_matching_rules_Assign_and_the_states_own_Assign_only_with_Default()
    {
        const string Definition = """
            {'StartAt':'C','States':{'C':{'Type':'Choice','Assign':{'picked':'default','seen.$':'$.n'},
              'Choices':[{'Variable':'$.n','NumericEquals':1,'Assign':{'picked':'one'},'Next':'E'}],'Default':'E'},
              'E':{'Type':'Pass','Parameters':{'picked.$':'$picked'},'End':true}}}
            """;

        var matched = await Engines.RunAsync(Definition, "{'n':1}");
        var unmatched = await Engines.RunAsync(Definition, "{'n':2}");

        Assert.Equal("""{"picked":"one"}""", Engines.OutputText(matched));
        Assert.Equal("""{"picked":"\"one\""}""", AssignedVariables(matched, "C"));
        Assert.Equal("""{"picked":"default"}""", Engines.OutputText(unmatched));
        Assert.Equal("""{"picked":"\"default\"","seen":"2"}""", AssignedVariables(unmatched, "C"));
    }

    [Fact]
    public async Task A_Wait_state_assigns_from_its_effective_input_when_it_exits()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'InputPath':'$.in','Assign':{'v.$':'$.a'},'Next':'E'},
              'E':{'Type':'Pass','Parameters':{'v.$':'$v'},'End':true}}}
            """, "{'in':{'a':7}}");

        Assert.Equal("""{"v":7}""", Engines.OutputText(result));
        Assert.Equal("""{"v":"7"}""", AssignedVariables(result, "W"));
    }

    [Fact]
    public async Task A_Task_state_assigns_from_its_result_after_ResultSelector_and_before_ResultPath()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:echo',
              'ResultSelector':{'selected.$':'$.value'},'ResultPath':'$.res','Assign':{'v.$':'$.selected','in.$':'$$.Execution.Input.value'},'Next':'E'},
              'E':{'Type':'Pass','Parameters':{'v.$':'$v','in.$':'$in'},'End':true}}}
            """, "{'value':3}", engine => engine.RegisterLambda("echo", (request, _) => ValueTask.FromResult(request.Input)));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"v":3,"in":3}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_failing_Assign_path_fails_the_state_with_States_Runtime()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'v.$':'$.missing'},'End':true}}}
            """);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrors.Runtime, result.Error);
        Assert.StartsWith("An error occurred while executing the state 'A' (entered at the event id #2).", result.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain(result.History, e => e.Type == "PassStateExited");
    }

    [Fact]
    public async Task Assign_can_call_intrinsic_functions_over_variables()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'xs':[1,2,3],'who':'world'},'Next':'B'},
              'B':{'Type':'Pass','Assign':{'n.$':'States.ArrayLength($xs)','greeting.$':'States.Format(\u0027hello {}\u0027, $who)'},'Next':'C'},
              'C':{'Type':'Pass','Parameters':{'n.$':'$n','g.$':'$greeting'},'End':true}}}
            """);

        Assert.Equal("""{"n":3,"g":"hello world"}""", Engines.OutputText(result));
    }
}
