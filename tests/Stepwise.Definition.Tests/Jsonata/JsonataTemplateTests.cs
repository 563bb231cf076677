using Stepwise.Definition.Jsonata;
using Stepwise.Json;
using Stepwise.Jsonata;
using Xunit;

namespace Stepwise.Definition.Tests.Jsonata;

public sealed class JsonataTemplateTests
{
    private static readonly JsonataBindings s_none = new();

    [Theory]
    [InlineData("{% 1 %}", true)]
    [InlineData("{%1%}", true)]
    [InlineData(" {% 1 %}", false)]
    [InlineData("{% 1 %} ", false)]
    [InlineData("{%}", false)]
    [InlineData("text", false)]
    public void Only_a_whole_string_between_the_delimiters_is_an_expression(string text, bool expected)
    {
        Assert.Equal(expected, JsonataTemplate.IsExpression(text));
    }

    [Fact]
    public void A_template_is_compiled_once_per_definition_node()
    {
        var node = JsonValue.Parse("""{"a":"{% 1 %}"}""");

        Assert.Same(JsonataTemplate.For(node), JsonataTemplate.For(node));
    }

    [Fact]
    public void A_template_without_expressions_is_constant_and_returns_the_value_itself()
    {
        var node = JsonValue.Parse("""{"a":[1,"x"],"b":{"c":null}}""");
        var template = JsonataTemplate.For(node);

        Assert.True(template.IsConstant);
        Assert.True(template.TryEvaluate(null, s_none, "Output", out var value, out _));
        Assert.Same(node, value);
    }

    [Fact]
    public void Nested_expressions_evaluate_and_key_order_is_kept()
    {
        var template = JsonataTemplate.For(JsonValue.Parse("""{"z":"{% $x * 2 %}","a":["{% $x %}",{"k":"{% $x + 1 %}"}]}"""));

        Assert.True(template.TryEvaluate(null, new JsonataBindings().Set("x", 5), "Output", out var value, out _));
        Assert.Equal("""{"z":10,"a":[5,{"k":6}]}""", value.ToJsonString());
    }

    [Fact]
    public void An_undefined_member_names_its_location_in_the_failure()
    {
        var template = JsonataTemplate.For(JsonValue.Parse("""{"a":["{% 1 %}","{% $nothing %}"]}"""));

        Assert.False(template.TryEvaluate(null, s_none, "Output", out _, out var failure));
        Assert.Equal("Output/a[1]", failure!.Location);
        Assert.Equal("The JSONata expression '$nothing' specified for the field 'Output/a[1]' returned nothing (undefined).", failure.Cause);
    }

    [Fact]
    public void An_evaluation_error_carries_the_JSONata_code_and_message()
    {
        var template = JsonataTemplate.For(JsonValue.Parse("\"{% $nope() %}\""));

        Assert.False(template.TryEvaluate(null, s_none, "Output", out _, out var failure));
        Assert.Equal("The JSONata expression '$nope()' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function", failure!.Cause);
    }

    [Fact]
    public void The_evaluation_clock_is_the_time_given_to_the_scope()
    {
        var now = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var template = JsonataTemplate.For(JsonValue.Parse("\"{% $now() %}\""));

        JsonValue value;
        using (EvaluationClock.Use(now))
        {
            Assert.True(template.TryEvaluate(null, s_none, "Output", out value, out _));
        }

        Assert.Equal("\"2030-01-02T03:04:05.000Z\"", value.ToJsonString());
    }

    [Fact]
    public void A_function_result_is_an_unsupported_result_type_not_nothing()
    {
        var template = JsonataTemplate.For(JsonValue.Parse("\"{% $fn := function($x){$x} %}\""));

        Assert.False(template.TryEvaluate(null, s_none, "Items", out _, out var failure));
        Assert.Equal("The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.", failure!.Cause);
    }
}
