using Stepwise.JsonPath.Intrinsics;

namespace Stepwise.JsonPath.Tests.Intrinsics;

public sealed class IntrinsicCallParsingTests
{
    [Theory]
    [InlineData("States.UUID()", "States.UUID")]
    [InlineData("States.Format('{}',$.nope)", "States.Format")]
    [InlineData("States.Array( 1 , 'a' , $.x , null )", "States.Array")]
    [InlineData("States.ArrayLength($.items[*].price)", "States.ArrayLength")]
    [InlineData("States.Array($['a,b'], $['c)'])", "States.Array")]
    [InlineData("States.Format('{}', $$.Execution.Id)", "States.Format")]
    [InlineData("States.Format('{}', $myVar.a)", "States.Format")]
    [InlineData("States.MathAdd(-1, 2.5e3)", "States.MathAdd")]
    [InlineData("States.Array(States.Array(States.Array()))", "States.Array")]
    public void Well_formed_calls_parse(string text, string function)
    {
        Assert.True(IntrinsicCall.TryParse(text, out IntrinsicCall? call, out string? error), error);
        Assert.Equal(text, call.Text);
        Assert.Equal(function, call.FunctionName);
    }

    [Fact]
    public void A_path_argument_may_hold_commas_and_parentheses_inside_brackets() =>
        Intrinsic.AssertJson("""["x","y"]""", Intrinsic.Evaluate("States.Array($['a,b'], $['c)'])", """{"a,b":"x","c)":"y"}"""));

    [Fact]
    public void A_filter_path_argument_ends_at_the_comma_after_its_brackets() =>
        Intrinsic.AssertJson("[2,1]", Intrinsic.Evaluate(
            "States.Array(States.ArrayLength($.items[?(@.price > 10)]), States.ArrayLength($.items[?(@.tag in ['y,', 'z)'])]))",
            """{"items":[{"price":5,"tag":"y,"},{"price":15,"tag":"a"},{"price":25,"tag":"n"}]}"""));

    [Theory]
    [InlineData("States.Foo()", "'States.Foo' is not an intrinsic function")]
    [InlineData("States.format('{}', 1)", "did you mean 'States.Format'?")] // AWS rejects the lower-case spelling
    [InlineData("Format('{}', 1)", "must start with 'States.'")]
    [InlineData("States.Format", "Expected '(' after 'States.Format'")]
    [InlineData("States.Format('{}', 1", "Missing ')' to close 'States.Format('")]
    [InlineData("States.Format('{}' 1)", "Expected ',' or ')'")]
    [InlineData("States.Format('{}', 1) extra", "Unexpected 'e' after the end of the call")]
    [InlineData("States.Format('{}', )", "Expected an argument")]
    [InlineData("States.Format('unterminated)", "Unterminated string literal")]
    [InlineData("States.Array(01)", "Invalid number '01'")]
    [InlineData("States.Array(1.)", "Invalid number '1.'")]
    [InlineData("States.Array(TRUE)", "Expected an argument")]
    [InlineData("States.Array($.a[)", "Invalid path '$.a[)'")]
    public void Malformed_calls_are_syntax_errors_with_a_clear_message(string text, string fragment)
    {
        string error = Intrinsic.ParseError(text);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
        Assert.Contains("at position", error, StringComparison.Ordinal);
    }

    [Theory] // test_illegal_escapes_ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION*: AWS rejects \" inside a literal
    [InlineData("States.Format('He said, \\\"Hello, {}!\\\"', 'Test \\\"Name\\\" Here')")]
    [InlineData("States.StringToJson('{\"text\":\"An \\\"escaped double quote\\\" here\"}')")]
    [InlineData("States.Format('\\n{}', 1)")]
    public void A_backslash_before_anything_but_quote_braces_or_backslash_is_rejected(string text) =>
        Assert.Contains("Invalid escape sequence", Intrinsic.ParseError(text), StringComparison.Ordinal);

    [Theory] // AWS creates such state machines and fails the call at run time (see IntrinsicFailureTests)
    [InlineData("States.UUID(1)")]
    [InlineData("States.StringToJson()")]
    [InlineData("States.ArrayRange(1, 5)")]
    [InlineData("States.MathRandom(1, 2, 3, 4)")]
    [InlineData("States.Format()")]
    public void A_wrong_argument_count_is_not_a_syntax_error(string text) =>
        Assert.True(IntrinsicCall.TryParse(text, out _, out string? error), error);

    [Fact]
    public void A_number_beyond_the_double_range_is_a_syntax_error() =>
        Assert.Contains("The number '1e309' is out of range", Intrinsic.ParseError("States.MathAdd(1e309, 1)"), StringComparison.Ordinal);

    [Theory]
    [InlineData("States.UUID()", true)]
    [InlineData("States.MathRandom(1, 10)", true)]
    [InlineData("States.Format('{}', States.Array(1, States.UUID()))", true)]
    [InlineData("States.MathRandom(1, 10, 42)", false)]
    [InlineData("States.Format('{}', $.x)", false)]
    public void RequiresRandom_says_whether_evaluation_draws_from_the_scope_random_source(string text, bool expected) =>
        Assert.Equal(expected, IntrinsicCall.Parse(text).RequiresRandom);

    [Fact]
    public void Parse_throws_a_FormatException_with_the_TryParse_message()
    {
        var exception = Assert.Throws<FormatException>(() => IntrinsicCall.Parse("States.Nope()"));
        Assert.Equal(Intrinsic.ParseError("States.Nope()"), exception.Message);
    }

    [Fact]
    public void A_parsed_call_evaluates_again_against_other_inputs()
    {
        IntrinsicCall call = IntrinsicCall.Parse("States.Format('n={}', $.n)");
        foreach (int n in new[] { 1, 2, 3 })
        {
            var scope = new PathScope(Stepwise.Json.JsonValue.Parse($$"""{"n":{{n}}}"""), Intrinsic.Context);
            Assert.True(call.TryEvaluate(scope, out Stepwise.Json.JsonValue? value, out _));
            Assert.Equal($"n={n}", value.AsString());
        }
    }
}
