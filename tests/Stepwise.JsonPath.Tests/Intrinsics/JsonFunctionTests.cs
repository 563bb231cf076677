namespace Stepwise.JsonPath.Tests.Intrinsics;

public sealed class JsonFunctionTests
{
    [Theory] // test_json_manipulation__test_string_to_json__exec0..9
    [InlineData("", "null")]
    [InlineData(" ", "null")]
    [InlineData("null", "null")]
    [InlineData("-0", "0")]
    [InlineData("1", "1")]
    [InlineData("1.1", "1.1")]
    [InlineData("true", "true")]
    [InlineData("\"HelloWorld\"", "\"HelloWorld\"")]
    [InlineData("[1, 2, \"HelloWorld\"]", """[1,2,"HelloWorld"]""")]
    [InlineData("{\"Arg1\": 1, \"Arg2\": []}", """{"Arg1":1,"Arg2":[]}""")]
    public void StringToJson_parses_the_text(string text, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate("States.StringToJson($.s)", new Stepwise.Json.JsonObjectBuilder().Set("s", text).ToObject()));

    [Fact]
    public void StringToJson_parses_a_literal_with_double_quotes() =>
        Intrinsic.AssertJson("""{"constant_in_literal":"false"}""",
            Intrinsic.Evaluate("States.StringToJson('{\"constant_in_literal\": \"false\"}')"));

    [Theory]
    [InlineData("States.StringToJson('{not json')")]
    [InlineData("States.StringToJson(1)")]
    public void StringToJson_rejects_what_is_not_JSON_text(string call) =>
        Intrinsic.AssertInvalidArguments(call, "States.StringToJson");

    [Theory] // test_json_manipulation__test_json_to_string__exec0..7
    [InlineData("null", "null")]
    [InlineData("0", "0")]
    [InlineData("1.1", "1.1")]
    [InlineData("true", "true")]
    [InlineData("\"HelloWorld\"", "\"HelloWorld\"")]
    [InlineData("""[1, 2, "HelloWorld"]""", """[1,2,"HelloWorld"]""")]
    [InlineData("""{"Arg1": 1, "Arg2": []}""", """{"Arg1":1,"Arg2":[]}""")]
    public void JsonToString_writes_compact_JSON(string value, string expected) =>
        Assert.Equal(expected, Intrinsic.Evaluate("States.JsonToString($.v)", $$"""{"v":{{value}}}""").AsString());

    [Fact]
    public void JsonMerge_is_shallow_and_orders_keys_as_a_Java_HashMap() =>
        Intrinsic.AssertJson("""{"a":{"a3":1,"a4":2},"b":2,"c":3,"d":4}""", Intrinsic.Evaluate( // test_json_merge
            "States.JsonMerge($.fst, $.snd, false)",
            """{"fst":{"a":{"a1":1,"a2":2},"b":2,"d":3},"snd":{"a":{"a3":1,"a4":2},"c":3,"d":4}}"""));

    [Fact]
    public void JsonMerge_key_order_follows_Java_string_hashes_not_insertion() =>
        Intrinsic.AssertJson( // test_json_merge_escaped_argument
            """{"constant_input_field":"constant_value","constant_in_literal":"false"}""",
            Intrinsic.Evaluate(
                "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $.input_field, false)",
                """{"input_field":{"constant_input_field":"constant_value"}}"""));

    [Fact]
    public void JsonMerge_reads_a_string_false_flag_as_shallow() =>
        Intrinsic.AssertJson("""{"x":1,"y":2}""", Intrinsic.Evaluate("States.JsonMerge($.a, $.b, 'false')", """{"a":{"x":1},"b":{"y":2}}"""));

    [Theory]
    [InlineData("States.JsonMerge($.a, $.b, true)")]
    [InlineData("States.JsonMerge($.a, $.b, 'TRUE')")]
    [InlineData("States.JsonMerge($.a, null, false)")]
    [InlineData("States.JsonMerge($.a, $.list, false)")]
    [InlineData("States.JsonMerge($.list, $.b, false)")]
    public void JsonMerge_rejects_deep_mode_and_non_objects(string call) =>
        Intrinsic.AssertInvalidArguments(call, "States.JsonMerge", """{"a":{"x":1},"b":{"y":2},"list":[1]}""");
}
