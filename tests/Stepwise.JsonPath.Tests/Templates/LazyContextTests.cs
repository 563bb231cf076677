using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.JsonPath.Tests.Templates;

public sealed class LazyContextTests
{
    [Fact]
    public void A_template_that_never_reads_the_context_never_builds_it()
    {
        var source = new CountingSource(JsonValue.Parse("""{"Execution":{"Name":"e"}}"""));
        var template = PayloadTemplate.Compile(JsonValue.Parse("""{"i.$":"$.i","sum.$":"States.MathAdd($.i, 1)","tag":"x"}"""));

        Assert.True(template.TryEvaluate(new PathScope(JsonValue.Parse("""{"i":1}"""), source), out var result, out var error), error.Cause);

        Assert.Equal(JsonValue.Parse("""{"i":1,"sum":2,"tag":"x"}"""), result);
        Assert.Equal(0, source.Builds);
    }

    [Fact]
    public void A_template_that_reads_the_context_gets_the_built_one()
    {
        var source = new CountingSource(JsonValue.Parse("""{"Execution":{"Name":"e"}}"""));
        var template = PayloadTemplate.Compile(JsonValue.Parse("""{"name.$":"$$.Execution.Name","again.$":"$$.Execution.Name"}"""));

        Assert.True(template.TryEvaluate(new PathScope(JsonObject.Empty, source), out var result, out var error), error.Cause);

        Assert.Equal(JsonValue.Parse("""{"name":"e","again":"e"}"""), result);
        Assert.InRange(source.Builds, 1, 2);
    }

    private sealed class CountingSource(JsonValue context) : IContextObjectSource
    {
        public int Builds { get; private set; }

        public JsonValue GetContextObject()
        {
            Builds++;
            return context;
        }
    }
}
