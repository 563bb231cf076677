using Stepwise.Json;

namespace Stepwise.JsonPath.Tests.Paths;

public sealed class AslPathTests
{
    private static readonly JsonValue s_store = JsonValue.Parse("""
        {
          "a": {"b": {"c": 1}, "list": [10, 20, 30, 40]},
          "a b": "spaced",
          "items": [
            {"name": "x", "price": 5, "tag": "y"},
            {"name": "y", "price": 15, "tag": "y"},
            {"name": "z", "price": 25, "tag": "n"}
          ],
          "n": null,
          "s": "text"
        }
        """);

    private static JsonValue Evaluate(string path, JsonValue input)
    {
        Assert.True(AslPath.Parse(path).TryEvaluate(new PathScope(input, JsonObject.Empty), out JsonValue? value, out AslError error), error.Cause);
        return value;
    }

    private static AslError Failure(string path, JsonValue input)
    {
        Assert.False(AslPath.Parse(path).TryEvaluate(new PathScope(input, JsonObject.Empty), out _, out AslError error));
        return error;
    }

    private static void AssertJson(string expected, JsonValue actual) =>
        Assert.Equal(JsonValue.Parse(expected).ToJsonString(), actual.ToJsonString());

    [Fact]
    public void Dollar_alone_selects_the_whole_input()
    {
        Assert.Same(s_store, Evaluate("$", s_store));
    }

    [Theory]
    [InlineData("$.a.b.c", "1")]
    [InlineData("$['a']['b']['c']", "1")]
    [InlineData("$[\"a\"].b", "{\"c\":1}")]
    [InlineData("$['a b']", "\"spaced\"")]
    [InlineData("$.a.list[0]", "10")]
    [InlineData("$.a.list[3]", "40")]
    [InlineData("$.a.list[-1]", "40")]
    [InlineData("$.n", "null")]
    [InlineData("$.items[1].name", "\"y\"")]
    [InlineData("$['a','s']", "{\"a\":{\"b\":{\"c\":1},\"list\":[10,20,30,40]},\"s\":\"text\"}")]
    public void A_definite_path_selects_one_value(string path, string expected)
    {
        AssertJson(expected, Evaluate(path, s_store));
    }

    [Fact]
    public void A_backslash_in_a_bracket_name_escapes_the_quote_but_stays_in_the_name()
    {
        // scenarios/test_base_scenarios__test_escape_sequence_parsing_ESCAPE_SEQUENCES_JSONPATH_afe49f.json
        var input = JsonObject.Create(("Test\\\"\"Name\"", "Value\"\\"));
        AssertJson("\"Value\\\"\\\\\"", Evaluate("$['Test\\\"\"Name\"']", input));
        AssertJson("1", Evaluate("$['it\\'s']", JsonObject.Create(("it\\'s", 1))));
    }

    [Theory]
    [InlineData("$.a.list[*]", "[10,20,30,40]")]
    [InlineData("$.a.list[1:3]", "[20,30]")]
    [InlineData("$.a.list[:2]", "[10,20]")]
    [InlineData("$.a.list[2:]", "[30,40]")]
    [InlineData("$.a.list[-2:]", "[30,40]")]
    [InlineData("$.a.list[1:99]", "[20,30,40]")]
    [InlineData("$.a.list[0,2]", "[10,30]")]
    [InlineData("$.items[*].name", "[\"x\",\"y\",\"z\"]")]
    [InlineData("$.a.*", "[{\"c\":1},[10,20,30,40]]")]
    [InlineData("$..c", "[1]")]
    [InlineData("$..name", "[\"x\",\"y\",\"z\"]")]
    [InlineData("$..['name']", "[\"x\",\"y\",\"z\"]")]
    [InlineData("$.items..price", "[5,15,25]")]
    [InlineData("$..list[1]", "[20]")]
    [InlineData("$..[1].name", "[\"y\"]")]
    [InlineData("$.a..*", "[{\"c\":1},[10,20,30,40],1,10,20,30,40]")]
    public void An_indefinite_path_yields_the_array_of_its_matches(string path, string expected)
    {
        AssertJson(expected, Evaluate(path, s_store));
    }

    [Theory]
    [InlineData("$[*]")]
    [InlineData("$.items[*]")]
    [InlineData("$.items[1:]")]
    [InlineData("$.items[:1].itemValue")]
    [InlineData("$.item.items[1:5].itemValue")]
    public void An_indefinite_path_over_missing_data_yields_an_empty_array(string path)
    {
        // base/test_base__test_json_path_array_wildcard_or_slice_with_no_input[...]: AWS returns [] even when the
        // definite part before the wildcard or slice is missing.
        AssertJson("[]", Evaluate(path, JsonObject.Empty));
    }

    [Fact]
    public void A_missing_leaf_fails_with_AWS_no_results_cause()
    {
        // scenarios/test_base_scenarios__test_invalid_jsonpath_ST.INVALID_JSONPATH_IN_OUTPUTPATH_d9168f.json
        AslError error = Failure("$.NoSuchOutputPath", JsonValue.Parse("{\"int-literal\":0}"));
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal("Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']", error.Cause);
    }

    [Fact]
    public void A_missing_intermediate_property_fails_with_AWS_missing_property_cause()
    {
        // scenarios/test_base_scenarios__test_catch_states_runtime.json
        AslError error = Failure("$.no.such.result.path", JsonObject.Empty);
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal("Invalid path '$.no.such.result.path' : Missing property in path $['no']", error.Cause);
    }

    [Fact]
    public void A_missing_property_deeper_down_names_the_path_up_to_it()
    {
        AslError error = Failure("$.a.x.y", s_store);
        Assert.Equal("Invalid path '$.a.x.y' : Missing property in path $['a']['x']", error.Cause);
    }

    [Fact]
    public void An_index_past_the_end_has_no_results()
    {
        AslError error = Failure("$.a.list[7]", s_store);
        Assert.Equal("Invalid path '$.a.list[7]' : No results for path: $['a']['list'][7]", error.Cause);
    }

    [Fact]
    public void A_name_applied_to_a_string_fails()
    {
        AslError error = Failure("$.s.x", s_store);
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.StartsWith("Invalid path '$.s.x' : Expected to find an object with property ['x'] in path $['s'] but found", error.Cause);
    }

    [Fact]
    public void A_dot_name_runs_to_the_next_dot_bracket_or_parenthesis_as_in_Jayway()
    {
        AssertJson("1", Evaluate("$.it's].x", JsonObject.Create(("it's]", JsonObject.Create(("x", 1))))));
    }

    [Fact]
    public void A_Jayway_function_parses_but_never_finds_anything()
    {
        // AWS accepts "$.Jobs.sum()" in a definition and fails at run time with "could not be found in the input".
        var path = AslPath.Parse("$.a.list.sum()");
        Assert.False(path.IsReferencePath);
        Assert.False(path.TryEvaluate(new PathScope(s_store, JsonObject.Empty), out _, out AslError error));
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal("Invalid path '$.a.list.sum()' : No results for path: $['a']['list'].sum()", error.Cause);
    }

    [Fact]
    public void A_context_path_reads_the_context_object()
    {
        var context = JsonValue.Parse("{\"Execution\":{\"Id\":\"arn:x\"}}");
        var path = AslPath.Parse("$$.Execution.Id");
        Assert.Equal(PathRoot.Context, path.Root);
        Assert.True(path.TryEvaluate(new PathScope(JsonObject.Empty, context), out JsonValue? value, out _));
        Assert.Equal("arn:x", value.AsString());
    }

    [Fact]
    public void A_variable_path_reads_the_variable_and_walks_into_it()
    {
        var path = AslPath.Parse("$order.lines[0]");
        Assert.Equal(PathRoot.Variable, path.Root);
        Assert.Equal("order", path.VariableName);
        var variables = new Variables(("order", JsonValue.Parse("{\"lines\":[\"first\"]}")));
        Assert.True(path.TryEvaluate(new PathScope(JsonObject.Empty, JsonObject.Empty, variables), out JsonValue? value, out _));
        Assert.Equal("first", value.AsString());
    }

    [Fact]
    public void A_variable_that_is_not_in_scope_fails_with_States_Runtime()
    {
        var path = AslPath.Parse("$missing");
        Assert.False(path.TryEvaluate(new PathScope(JsonObject.Empty, JsonObject.Empty, new Variables()), out _, out AslError error));
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Contains("missing", error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$", true)]
    [InlineData("$.a.b", true)]
    [InlineData("$['a'][0]", true)]
    [InlineData("$$.Map.Item.Value", true)]
    [InlineData("$.a[*]", false)]
    [InlineData("$.a[1:2]", false)]
    [InlineData("$..a", false)]
    [InlineData("$.a[0,1]", false)]
    [InlineData("$['a','b']", false)]
    public void Only_names_and_single_indexes_make_a_reference_path(string text, bool expected)
    {
        Assert.Equal(expected, AslPath.Parse(text).IsReferencePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("$.")]
    [InlineData("$..")]
    [InlineData("$...a")]
    [InlineData("$.a b")]
    [InlineData("$.(x)")]
    [InlineData("$[")]
    [InlineData("$['a'")]
    [InlineData("$['a]")]
    [InlineData("$[x]")]
    [InlineData("$.a[1:2:3]")]
    [InlineData("$a-b")]
    public void A_malformed_path_is_rejected_with_a_message(string text)
    {
        Assert.False(AslPath.TryParse(text, out _, out string? error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(error, Assert.Throws<FormatException>(() => AslPath.Parse(text)).Message);
    }

    private sealed class Variables(params (string Name, JsonValue Value)[] variables) : IVariableReader
    {
        public bool TryGetVariable(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonValue? value)
        {
            foreach ((string n, JsonValue v) in variables)
            {
                if (n == name)
                {
                    value = v;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
