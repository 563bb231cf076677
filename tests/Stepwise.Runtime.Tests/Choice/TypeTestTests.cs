namespace Stepwise.Runtime.Tests.Choice;

public sealed class TypeTestTests
{
    // The values of choice_operators/test_is_operators__*: every JSON kind, with numbers and strings that look like
    // other things. Columns: IsNull, IsNumeric, IsString, IsBoolean, IsTimestamp.
    [Theory]
    [InlineData("null", true, false, false, false, false)]
    [InlineData("0", false, true, false, false, false)]
    [InlineData("0.0", false, true, false, false, false)]
    [InlineData("1.1", false, true, false, false, false)]
    [InlineData("\"\"", false, false, true, false, false)]
    [InlineData("\" \"", false, false, true, false, false)]
    [InlineData("\"HelloWorld\"", false, false, true, false, false)]
    [InlineData("\"1\"", false, false, true, false, false)]
    [InlineData("\"true\"", false, false, true, false, false)]
    [InlineData("\"2012-10-09T19:00:55\"", false, false, true, false, false)] // no offset: not RFC 3339
    [InlineData("\"2012-10-09T19:00:55Z\"", false, false, true, false, true)]
    [InlineData("\"2012-10-09T19:00:55+01:00\"", false, false, true, false, true)]
    [InlineData("\"2012-10-09T19:00:55.123456Z\"", false, false, true, false, true)]
    [InlineData("\"2023-02-24\"", false, false, true, false, false)]
    [InlineData("\"2023-02-24 12:15:56.832957\"", false, false, true, false, false)]
    [InlineData("[]", false, false, false, false, false)]
    [InlineData("[\"\"]", false, false, false, false, false)]
    [InlineData("{}", false, false, false, false, false)]
    [InlineData("{\"A\":0}", false, false, false, false, false)]
    [InlineData("true", false, false, false, true, false)]
    [InlineData("false", false, false, false, true, false)]
    public void Type_tests_hold_exactly_for_their_kind_and_their_false_form_is_the_negation(
        string value, bool isNull, bool isNumeric, bool isString, bool isBoolean, bool isTimestamp)
    {
        string input = $$"""{"Variable":{{value}}}""";
        (string Op, bool Holds)[] cases =
        [
            ("IsNull", isNull),
            ("IsNumeric", isNumeric),
            ("IsString", isString),
            ("IsBoolean", isBoolean),
            ("IsTimestamp", isTimestamp),
            ("IsPresent", true),
        ];
        foreach (var (op, holds) in cases)
        {
            Assert.Equal(holds, Rules.Matches($$"""{"Variable":"$.Variable","{{op}}":true}""", input));
            Assert.Equal(!holds, Rules.Matches($$"""{"Variable":"$.Variable","{{op}}":false}""", input));
        }
    }

    [Fact]
    public void IsPresent_is_true_for_a_key_holding_null()
    {
        // choice_operators/test_is_operators__test_is_present__exec0 and exec1
        Assert.True(Rules.Matches("""{"Variable":"$.Variable","IsPresent":true}""", """{"Variable":null}"""));
        Assert.False(Rules.Matches("""{"Variable":"$.Variable","IsPresent":false}""", """{"Variable":null}"""));
    }

    [Fact]
    public void IsPresent_on_a_missing_path_is_a_plain_answer_not_an_error()
    {
        // assign/test_assign_reference_variables__test_assign_in_choice_state_*: IsPresent false on a missing input_value.
        Assert.True(Rules.Matches("""{"Variable":"$.input_value","IsPresent":false}""", """{}"""));
        Assert.False(Rules.Matches("""{"Variable":"$.input_value","IsPresent":true}""", """{}"""));
        Assert.False(Rules.Matches("""{"Variable":"$.a.b.c","IsPresent":true}""", """{"a":1}"""));
    }
}
