using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Variables;

public sealed class ReferenceTests
{
    [Fact]
    public async Task InputPath_and_OutputPath_read_variables()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'doc':{'a':{'b':5}}},'Next':'B'},
              'B':{'Type':'Pass','InputPath':'$doc.a','OutputPath':'$doc.a.b','End':true}}}
            """);

        Assert.Equal("5", Engines.OutputText(result));
    }

    [Fact]
    public async Task Fail_ErrorPath_and_CausePath_read_variables()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'e':'MyError','c':'my cause'},'Next':'F'},
              'F':{'Type':'Fail','ErrorPath':'$e','CausePath':'$c'}}}
            """);

        Assert.Equal((ExecutionStatus.Failed, "MyError", "my cause"), (result.Status, result.Error, result.Cause));
    }

    [Fact]
    public async Task Wait_SecondsPath_reads_a_variable()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'delay':30},'Next':'W'},
              'W':{'Type':'Wait','SecondsPath':'$delay','End':true}}}
            """);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.History[^1].Timestamp - result.History[0].Timestamp);
    }

    [Fact]
    public async Task Choice_rules_compare_variables()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'limit':10},'Next':'C'},
              'C':{'Type':'Choice','Choices':[{'Variable':'$.n','NumericGreaterThanPath':'$limit','Next':'Big'}],'Default':'Small'},
              'Big':{'Type':'Pass','Result':'big','End':true},'Small':{'Type':'Pass','Result':'small','End':true}}}
            """, "{'n':11}");

        Assert.Equal("\"big\"", Engines.OutputText(result));
    }

    [Fact]
    public async Task Map_ItemsPath_ItemSelector_and_MaxConcurrencyPath_read_variables()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'xs':[1,2],'tag':'t','limit':'1'},'Next':'M'},
              'M':{'Type':'Map','ItemsPath':'$xs','MaxConcurrencyPath':'$limit','ItemSelector':{'v.$':'$$.Map.Item.Value','tag.$':'$tag'},'End':true,
                'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """);

        Assert.Equal("""[{"v":1,"tag":"t"},{"v":2,"tag":"t"}]""", Engines.OutputText(result));
    }

    [Fact]
    public async Task Task_Parameters_and_TimeoutSecondsPath_read_variables()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'payload':{'k':'v'},'timeout':300},'Next':'T'},
              'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:echo','TimeoutSecondsPath':'$timeout',
                'Parameters':{'p.$':'$payload'},'End':true}}}
            """, "{}", engine => engine.RegisterLambda("echo", (request, _) => ValueTask.FromResult(request.Input)));

        Assert.Equal("""{"p":{"k":"v"}}""", Engines.OutputText(result));
        var scheduled = result.History.Single(e => e.Type == "LambdaFunctionScheduled");
        Assert.True(scheduled.Details!.TryGetValue("timeoutInSeconds", out var timeout));
        Assert.Equal("300", timeout.ToJsonString());
    }
}
