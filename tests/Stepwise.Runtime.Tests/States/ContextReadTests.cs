using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

/// <summary>States whose definition names $$ only deep inside a string still see the context object.</summary>
public sealed class ContextReadTests
{
    [Fact]
    public async Task A_Pass_state_reading_the_context_only_inside_an_intrinsic_sees_it()
    {
        var result = await Engines.RunAsync(
            "{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'s.$':'States.Array($$.State.Name, $.n)'},'End':true}}}", "{'n':1}");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"s":["P",1]}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_Choice_rule_comparing_with_a_context_path_sees_it()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.name','StringEqualsPath':'$$.State.Name','Next':'Yes'}],
              'Default':'No'},'Yes':{'Type':'Pass','Result':'yes','End':true},'No':{'Type':'Pass','Result':'no','End':true}}}
            """, "{'name':'C'}");

        Assert.Equal("\"yes\"", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_state_that_never_names_the_context_runs_without_it()
    {
        var result = await Engines.RunAsync(
            "{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'n.$':'States.MathAdd($.n, 1)'},'OutputPath':'$.n','End':true}}}", "{'n':1}");

        Assert.Equal("2", Engines.OutputText(result));
    }
}
