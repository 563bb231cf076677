using Stepwise.Json;

namespace Stepwise.JsonPath.Tests.Templates;

public sealed class PayloadTemplateTests
{
    private static readonly JsonValue s_context = JsonValue.Parse("{\"Execution\":{\"Id\":\"arn:exec\",\"Input\":{\"int-literal\":0}}}");

    private static JsonValue Evaluate(string template, string input, IVariableReader? variables = null)
    {
        var compiled = PayloadTemplate.Compile(JsonValue.Parse(template));
        Assert.True(compiled.TryEvaluate(new PathScope(JsonValue.Parse(input), s_context, variables), out JsonValue? result, out AslError error), error.Cause);
        return result;
    }

    private static AslError Failure(string template, string input)
    {
        var compiled = PayloadTemplate.Compile(JsonValue.Parse(template));
        Assert.False(compiled.TryEvaluate(new PathScope(JsonValue.Parse(input), s_context), out _, out AslError error));
        return error;
    }

    private static void AssertJson(string expected, JsonValue actual) =>
        Assert.Equal(JsonValue.Parse(expected).ToJsonString(), actual.ToJsonString());

    [Fact]
    public void Dollar_keys_lose_their_suffix_and_take_the_path_value_in_template_order()
    {
        AssertJson(
            "{\"first\":1,\"plain\":\"p\",\"second\":[2,3],\"ctx\":\"arn:exec\"}",
            Evaluate(
                "{\"first.$\":\"$.a\",\"plain\":\"p\",\"second.$\":\"$.b[*]\",\"ctx.$\":\"$$.Execution.Id\"}",
                "{\"a\":1,\"b\":[2,3]}"));
    }

    [Fact]
    public void Nested_objects_and_arrays_are_templates_too()
    {
        AssertJson(
            "{\"outer\":{\"inner\":1,\"list\":[{\"v\":2},\"lit\"]}}",
            Evaluate("{\"outer\":{\"inner.$\":\"$.a\",\"list\":[{\"v.$\":\"$.b\"},\"lit\"]}}", "{\"a\":1,\"b\":2}"));
    }

    [Fact]
    public void A_plain_key_and_its_dollar_twin_keep_the_first_position_and_the_later_value()
    {
        AssertJson("{\"a\":2,\"b\":0}", Evaluate("{\"a\":1,\"b\":0,\"a.$\":\"$.x\"}", "{\"x\":2}"));
    }

    [Fact]
    public void An_indefinite_path_that_matches_nothing_yields_an_empty_array()
    {
        // base/test_base__test_json_path_array_wildcard_or_slice_with_no_input[$.items[*]]
        AssertJson("{\"item\":[]}", Evaluate("{\"item.$\":\"$.items[*]\"}", "{}"));
    }

    [Fact]
    public void A_variable_path_reads_the_variable()
    {
        AssertJson("{\"v\":\"b\"}", Evaluate("{\"v.$\":\"$x.a[1]\"}", "{}", new OneVariable("x", JsonValue.Parse("{\"a\":[\"a\",\"b\"]}"))));
    }

    [Fact]
    public void An_intrinsic_call_is_evaluated()
    {
        AssertJson("{\"greeting\":\"hello ann\"}", Evaluate("{\"greeting.$\":\"States.Format('hello {}', $.name)\"}", "{\"name\":\"ann\"}"));
    }

    [Fact]
    public void Constant_parts_of_the_template_are_shared_not_copied()
    {
        var template = JsonValue.Parse("{\"fixed\":{\"deep\":[1,2]},\"d.$\":\"$\"}").AsObject();
        var compiled = PayloadTemplate.Compile(template);
        Assert.True(compiled.TryEvaluate(new PathScope(JsonValue.True, s_context), out JsonValue? result, out _));
        Assert.Same(template["fixed"], result.AsObject()["fixed"]);
    }

    [Fact]
    public void A_template_without_dynamic_keys_evaluates_to_itself()
    {
        var template = JsonValue.Parse("{\"a\":{\"b\":[1]},\"c\":\"$.not-a-path-without-suffix\"}");
        Assert.True(PayloadTemplate.Compile(template).TryEvaluate(new PathScope(JsonObject.Empty, s_context), out JsonValue? result, out _));
        Assert.Same(template, result);
    }

    [Fact]
    public void A_path_that_matches_nothing_fails_with_States_Runtime_naming_field_and_input()
    {
        // scenarios/test_base_scenarios__test_invalid_jsonpath_INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH_8a59a2.json
        AslError error = Failure("{\"value.$\":\"$.no_such_jsonpath\"}", "{\"int-literal\":0}");
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal(
            "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'",
            error.Cause);
    }

    [Fact]
    public void A_context_path_that_matches_nothing_fails_the_same_way()
    {
        // scenarios/test_base_scenarios__test_invalid_jsonpath_INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH_7c22a8.json
        AslError error = Failure("{\"value.$\":\"$$.Execution.Input.no_such_jsonpath\"}", "{\"int-literal\":0}");
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal(
            "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'",
            error.Cause);
    }

    [Fact]
    public void A_failing_intrinsic_reports_its_own_error()
    {
        AslError error = Failure("{\"v.$\":\"States.ArrayLength($.missing)\"}", "{}");
        Assert.Contains("States.ArrayLength($.missing)", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_dynamic_values_are_all_reported_with_their_pointers()
    {
        var template = JsonValue.Parse("{\"a.$\":\"not a path\",\"n\":{\"b.$\":42},\"c.$\":\"$.x[\",\"d.$\":\"States.NoSuchFunction()\",\"l\":[{\"e/f.$\":\"x\"}]}");
        Assert.False(PayloadTemplate.TryCompile(template, out _, out IReadOnlyList<TemplateError> errors));
        Assert.Equal(["/a.$", "/n/b.$", "/c.$", "/d.$", "/l/0/e~1f.$"], errors.Select(e => e.Pointer).ToArray());

        // AWS's validator wording (api/ cases: "The value for the field 'parsed.$' must be a valid JSONPath or a valid
        // intrinsic function call at /States/IntrinsicEscape/Parameters").
        Assert.Equal("The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function call", errors[0].Message);
        Assert.Contains("'b.$' must be a STRING", errors[1].Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => PayloadTemplate.Compile(template));
        Assert.Contains("/n/b.$", thrown.Message, StringComparison.Ordinal);
    }

    private sealed class OneVariable(string name, JsonValue value) : IVariableReader
    {
        public bool TryGetVariable(string variable, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonValue? result)
        {
            result = variable == name ? value : null;
            return result is not null;
        }
    }
}
