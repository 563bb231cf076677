using Stepwise.Json;

namespace Stepwise.JsonPath.Tests.Paths;

public sealed class ResultPathTests
{
    private static JsonValue Apply(string path, string input, string result)
    {
        Assert.True(ResultPath.Parse(path).TryApply(JsonValue.Parse(input), JsonValue.Parse(result), out JsonValue? output, out AslError error), error.Cause);
        return output;
    }

    [Fact]
    public void Dollar_replaces_the_input_with_the_result()
    {
        JsonValue result = JsonValue.Parse("[1,2]");
        Assert.True(ResultPath.Parse("$").TryApply(JsonValue.Parse("{\"a\":1}"), result, out JsonValue? output, out _));
        Assert.Same(result, output);
    }

    [Theory]
    [InlineData("$.r", "{\"a\":1}", "{\"a\":1,\"r\":\"x\"}")]
    [InlineData("$.a", "{\"a\":1,\"b\":2}", "{\"a\":\"x\",\"b\":2}")]
    [InlineData("$.p.q.r", "{\"a\":1}", "{\"a\":1,\"p\":{\"q\":{\"r\":\"x\"}}}")]
    [InlineData("$.p.q", "{\"p\":{\"k\":0}}", "{\"p\":{\"k\":0,\"q\":\"x\"}}")]
    [InlineData("$['a b'].c", "{}", "{\"a b\":{\"c\":\"x\"}}")]
    [InlineData("$.list[1]", "{\"list\":[0,1,2]}", "{\"list\":[0,\"x\",2]}")]
    [InlineData("$.list[-1].v", "{\"list\":[{},{\"v\":1}]}", "{\"list\":[{},{\"v\":\"x\"}]}")]
    public void A_path_places_the_result_and_keeps_the_rest_of_the_input(string path, string input, string expected)
    {
        Assert.Equal(JsonValue.Parse(expected).ToJsonString(), Apply(path, input, "\"x\"").ToJsonString());
    }

    [Fact]
    public void The_input_is_never_mutated_and_untouched_branches_are_shared()
    {
        var input = JsonValue.Parse("{\"keep\":{\"deep\":[1]},\"p\":{}}").AsObject();
        string before = input.ToJsonString();
        Assert.True(ResultPath.Parse("$.p.q").TryApply(input, JsonValue.True, out JsonValue? output, out _));
        Assert.Equal(before, input.ToJsonString());
        Assert.Same(input["keep"], output.AsObject()["keep"]);
    }

    [Theory]
    [InlineData("$.r", "\"input1\"")]
    [InlineData("$.r", "[1]")]
    [InlineData("$.a.b", "{\"a\":5}")]
    [InlineData("$.a.b", "{\"a\":null}")]
    [InlineData("$.list[3]", "{\"list\":[0]}")]
    [InlineData("$.list[0]", "{\"list\":{}}")]
    [InlineData("$.list[0]", "{}")]
    public void An_input_that_cannot_hold_the_result_fails_with_ResultPathMatchFailure(string path, string input)
    {
        Assert.False(ResultPath.Parse(path).TryApply(JsonValue.Parse(input), JsonValue.True, out _, out AslError error));
        Assert.Equal(StatesErrors.ResultPathMatchFailure, error.Error);

        // AWS's wording, e.g. "Unable to apply ReferencePath $.someTaskResult to input \"input1\"".
        Assert.Equal($"Unable to apply ReferencePath {path} to input {JsonValue.Parse(input).ToJsonString()}", error.Cause);
    }

    [Theory]
    [InlineData("$$.Execution")]
    [InlineData("$var.a")]
    [InlineData("$.a[*]")]
    [InlineData("$..a")]
    [InlineData("$.a[0:1]")]
    [InlineData("$.a[?(@.b)]")]
    [InlineData("$['a','b']")]
    [InlineData("a")]
    public void Only_a_reference_path_over_the_input_is_a_ResultPath(string text)
    {
        Assert.False(ResultPath.TryParse(text, out _, out string? error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => ResultPath.Parse(text));
    }
}
