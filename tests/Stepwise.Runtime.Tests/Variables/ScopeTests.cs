using Stepwise.Hosting;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Variables;

public sealed class ScopeTests
{
    [Fact]
    public async Task Parallel_branches_read_outer_variables_and_theirs_vanish_when_the_state_ends()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{
              'A':{'Type':'Pass','Assign':{'x':42},'Next':'P'},
              'P':{'Type':'Parallel','Next':'After','Branches':[
                {'StartAt':'B1','States':{'B1':{'Type':'Pass','Assign':{'inner.$':'$x'},'Next':'B2'},
                                          'B2':{'Type':'Pass','Parameters':{'seen.$':'$inner'},'End':true}}}]},
              'After':{'Type':'Pass','Parameters':{'inner.$':'$inner'},'End':true}}}
            """);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrors.Runtime, result.Error);
        Assert.Contains("'$inner'", result.Cause, StringComparison.Ordinal);
        Assert.Contains("'After'", result.Cause, StringComparison.Ordinal);
        var branchExit = result.History.Single(e => e.Type == "PassStateExited" && e.Details!.TryGetValue("name", out var n) && n.ToJsonString() == "\"B2\"");
        Assert.True(branchExit.Details!.TryGetValue("output", out var output));
        Assert.Equal("""{"seen":42}""", ((JsonString)output).Value);
    }

    [Fact]
    public async Task Map_iterations_cannot_change_an_outer_variable()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{
              'A':{'Type':'Pass','Assign':{'x':1,'items':[10,20]},'Next':'M'},
              'M':{'Type':'Map','ItemsPath':'$items','MaxConcurrency':1,'Next':'After',
                'ItemProcessor':{'StartAt':'I','States':{
                  'I':{'Type':'Pass','Assign':{'mine.$':'$'},'Next':'J'},
                  'J':{'Type':'Pass','Parameters':{'mine.$':'$mine','x.$':'$x'},'End':true}}}},
              'After':{'Type':'Pass','Parameters':{'x.$':'$x','results.$':'$'},'End':true}}}
            """);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"x":1,"results":[{"mine":10,"x":1},{"mine":20,"x":1}]}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task Each_Map_iteration_starts_without_the_variables_of_the_previous_one()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,'End':true,
              'ItemProcessor':{'StartAt':'Check','States':{
                'Check':{'Type':'Choice','Choices':[{'Variable':'$seen','IsPresent':true,'Next':'Leaked'}],'Default':'Set'},
                'Set':{'Type':'Pass','Assign':{'seen':true},'End':true},
                'Leaked':{'Type':'Fail','Error':'Leaked'}}}}}}
            """, "[1,2]");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_catchers_Assign_reads_the_error_output_and_writes_the_outer_scope()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'P','States':{
              'P':{'Type':'Parallel','Next':'Done','Branches':[{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Boom','Cause':'why'}}}],
                'Catch':[{'ErrorEquals':['States.ALL'],'Assign':{'err.$':'$.Error','cause.$':'$.Cause'},'ResultPath':null,'Next':'Handled'}]},
              'Handled':{'Type':'Pass','Parameters':{'err.$':'$err','cause.$':'$cause'},'End':true},
              'Done':{'Type':'Succeed'}}}
            """);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"err":"Boom","cause":"why"}""", Engines.OutputText(result));
        var exited = result.History.Single(e => e.Type == "ParallelStateExited");
        Assert.True(exited.Details!.TryGetValue("assignedVariables", out var assigned));
        Assert.Equal("""{"cause":"\"why\"","err":"\"Boom\""}""", assigned.ToJsonString());
    }

    [Fact]
    public async Task A_Task_catchers_Assign_sees_the_variables_from_before_the_task()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{
              'A':{'Type':'Pass','Assign':{'attempt':1},'Next':'T'},
              'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:fail','End':true,
                'Catch':[{'ErrorEquals':['States.ALL'],'Assign':{'attempt':2,'previous.$':'$attempt'},'Next':'E'}]},
              'E':{'Type':'Pass','Parameters':{'attempt.$':'$attempt','previous.$':'$previous'},'End':true}}}
            """, "{}", engine => engine.RegisterLambda("fail", (_, _) => throw new Stepwise.Integrations.LambdaFunctionException("ValueError", "bad")));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"attempt":2,"previous":1}""", Engines.OutputText(result));
    }
}
