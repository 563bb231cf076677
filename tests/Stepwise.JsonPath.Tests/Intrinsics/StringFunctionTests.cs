namespace Stepwise.JsonPath.Tests.Intrinsics;

public sealed class StringFunctionTests
{
    [Theory] // test_generic__test_format_1__exec0..6
    [InlineData("\"\"", "Formatting argument .")]
    [InlineData("\" \"", "Formatting argument  .")]
    [InlineData("\"HelloWorld\"", "Formatting argument HelloWorld.")]
    [InlineData("null", "Formatting argument null.")]
    [InlineData("1", "Formatting argument 1.")]
    [InlineData("1.1", "Formatting argument 1.1.")]
    [InlineData("true", "Formatting argument true.")]
    [InlineData("\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"", "Formatting argument {\"Arg1\": 1, \"Arg2\": []}.")]
    public void Format_writes_scalars_as_their_natural_text(string argument, string expected) =>
        Assert.Equal(expected, Intrinsic.Evaluate("States.Format('Formatting argument {}.', $.v)", $$"""{"v":{{argument}}}""").AsString());

    [Fact]
    public void Format_writes_objects_and_arrays_as_Java_maps_and_lists() =>
        Assert.Equal( // test_generic__test_format_2__exec7
            "fst={Arg1=1, Arg2=[]} and snd=[1, a, {b=null}, 2.5]",
            Intrinsic.Evaluate("States.Format('fst={} and snd={}', $.fst, $.snd)",
                """{"fst":{"Arg1":1,"Arg2":[]},"snd":[1,"a",{"b":null},2.5]}""").AsString());

    [Fact]
    public void Format_reads_the_context_object() =>
        Assert.Equal( // test_generic__test_context_json_path
            "fst=run-1 and snd={Id=arn:aws:states:us-east-1:111111111111:stateMachine:my-machine-v2, Name=my-machine-v2}.",
            Intrinsic.Evaluate("States.Format('fst={} and snd={}.', $$.Execution.Name, $$.StateMachine)").AsString());

    [Fact]
    public void Format_treats_escaped_braces_in_a_literal_template_as_text() =>
        Assert.Equal("{} is {x}, it's 1 \\",
            Intrinsic.Evaluate("States.Format('\\{\\} is \\{x\\}, it\\'s {} \\\\', 1)").AsString());

    [Fact]
    public void Format_takes_its_template_from_a_path() =>
        Assert.Equal("It's Pikachu!", Intrinsic.Evaluate("States.Format($.t, $.v)", """{"t":"It's {}!","v":"Pikachu"}""").AsString());

    [Fact]
    public void Format_prints_a_nested_StringToJson_result_as_JSON_text() =>
        Assert.Equal("\"x\" and {\"a\":[1]} but x",
            Intrinsic.Evaluate("States.Format('{} and {} but {}', States.StringToJson($.s), States.StringToJson($.o), $.x)",
                """{"s":"\"x\"","o":"{\"a\":[1]}","x":"x"}""").AsString());

    [Theory]
    [InlineData("States.Format('Hello {', 1)")]
    [InlineData("States.Format('Hello {{}}', 1)")]
    [InlineData("States.Format('}')")]
    [InlineData("States.Format('\\{}', 1)")]
    [InlineData("States.Format($.bad, 1)")]
    public void Format_rejects_a_brace_that_is_neither_escaped_nor_a_placeholder(string call) =>
        Intrinsic.AssertInvalidArguments(call, "States.Format", """{"bad":"{x} {}"}""");

    [Theory]
    [InlineData("States.Format('{} and {}', 1)")]
    [InlineData("States.Format('no placeholder', 1)")]
    [InlineData("States.Format(1)")]
    [InlineData("States.Format($.t, 1)")]
    public void Format_rejects_a_template_that_does_not_match_its_arguments(string call) =>
        Intrinsic.AssertInvalidArguments(call, "States.Format", """{"t":"{} and {}"}""");

    [Theory] // test_string_operations__test_string_split__exec0..6
    [InlineData(" ", ",", """[" "]""")]
    [InlineData(" , ", ",", """[" "," "]""")]
    [InlineData(", , ,", ",", """[" "," "]""")]
    [InlineData(",,,,", ",", "[]")]
    [InlineData("1,2,3,4,5", ",", """["1","2","3","4","5"]""")]
    [InlineData("This.is+a,test=string", ".+,=", """["This","is","a","test","string"]""")]
    [InlineData("split on T and \nnew line", "T\n", """["split on "," and ","new line"]""")]
    [InlineData("", ",", "[]")]
    [InlineData("abc", "", """["abc"]""")]
    public void StringSplit_splits_on_every_delimiter_character_and_drops_empty_tokens(string text, string delimiters, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate("States.StringSplit($.s, $.d)",
            new Stepwise.Json.JsonObjectBuilder().Set("s", text).Set("d", delimiters).ToObject()));

    [Fact]
    public void StringSplit_splits_a_literal_holding_a_raw_newline() =>
        Intrinsic.AssertJson("""["Hello","World"]""", Intrinsic.Evaluate("States.StringSplit('Hello\nWorld', '\n')")); // test_generic__test_escape_sequence

    [Fact]
    public void StringSplit_rejects_a_number() =>
        Intrinsic.AssertInvalidArguments("States.StringSplit(123, ',')", "States.StringSplit");

    [Fact]
    public void Nested_calls_feed_their_results_to_the_outer_call() =>
        Intrinsic.AssertJson("\"v2\"", Intrinsic.Evaluate( // test_generic__test_nested_calls_2
            "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))"));
}
