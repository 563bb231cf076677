namespace Stepwise.Runtime.Tests.Choice;

public sealed class NumericComparisonTests
{
    [Theory]
    // choice_operators/test_numeric__test_numeric_equals__exec4..19, 52..54: integers and doubles compare by value.
    [InlineData("0", "0", true)]
    [InlineData("0", "0.0", true)]
    [InlineData("0.0", "0", true)]
    [InlineData("0.0", "0.0", true)]
    [InlineData("1", "1.0", true)]
    [InlineData("0", "1", false)]
    [InlineData("1", "0.0", false)]
    [InlineData("1.1", "1", false)]
    [InlineData("1.1", "1.0", false)]
    [InlineData("2.22", "2.22", true)]
    [InlineData("-0.0", "0", true)] // Java's primitive == : -0.0 equals 0
    [InlineData("1e2", "100", true)]
    public void NumericEquals_compares_values_whatever_their_spelling(string value, string operand, bool expected)
    {
        string input = $$"""{"Variable":{{value}},"Value":{{operand}}}""";
        Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","NumericEquals":{{operand}}}""", input));
        Assert.Equal(expected, Rules.Matches("""{"Variable":"$.Variable","NumericEqualsPath":"$.Value"}""", input));
    }

    [Theory]
    // choice_operators/test_numeric__test_numeric_{less,greater}_than{,_equals}{,_path}__exec0..5
    [InlineData("0", "0", false, false, true, true)]
    [InlineData("0.0", "0", false, false, true, true)]
    [InlineData("0", "1", true, false, true, false)]
    [InlineData("1", "1", false, false, true, true)]
    [InlineData("1", "0", false, true, false, true)]
    [InlineData("-1.5", "-1", true, false, true, false)]
    public void Numeric_ordering_operators_and_their_path_forms_agree_with_AWS(
        string value, string operand, bool lessThan, bool greaterThan, bool lessThanEquals, bool greaterThanEquals)
    {
        string input = $$"""{"Variable":{{value}},"Value":{{operand}}}""";
        (string Op, bool Expected)[] cases =
        [
            ("NumericLessThan", lessThan),
            ("NumericGreaterThan", greaterThan),
            ("NumericLessThanEquals", lessThanEquals),
            ("NumericGreaterThanEquals", greaterThanEquals),
        ];
        foreach (var (op, expected) in cases)
        {
            Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","{{op}}":{{operand}}}""", input));
            Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","{{op}}Path":"$.Value"}""", input));
        }
    }

    [Fact]
    public void Two_integers_compare_exactly_even_beyond_double_precision()
    {
        // 2^53 + 1 and 2^53 are the same double but different longs; Java compares two longs exactly.
        Assert.False(Rules.Matches("""{"Variable":"$.Variable","NumericEquals":9007199254740992}""", """{"Variable":9007199254740993}"""));
        Assert.True(Rules.Matches("""{"Variable":"$.Variable","NumericGreaterThan":9007199254740992}""", """{"Variable":9007199254740993}"""));
        Assert.True(Rules.Matches("""{"Variable":"$.Variable","NumericLessThan":9223372036854775807}""", """{"Variable":9223372036854775806}"""));
    }

    [Fact]
    public void An_integer_against_a_double_compares_as_doubles_as_Java_promotes_it()
    {
        // Java's long == double converts the long to double: 2^53 + 1 rounds to 2^53.
        Assert.True(Rules.Matches("""{"Variable":"$.Variable","NumericEquals":9007199254740992.0}""", """{"Variable":9007199254740993}"""));
    }

    [Theory]
    // choice_operators/test_numeric__test_numeric_equals__exec0..3, 20..51: no type coercion (not "0", not false, not [0]).
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\" \"")]
    [InlineData("\"0\"")]
    [InlineData("[]")]
    [InlineData("[\"\"]")]
    [InlineData("[0]")]
    [InlineData("{}")]
    [InlineData("{\"A\":0}")]
    [InlineData("false")]
    [InlineData("true")]
    public void A_non_number_matches_no_numeric_operator_and_raises_no_error(string value)
    {
        string input = $$"""{"Variable":{{value}},"Value":0}""";
        foreach (string op in new[] { "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals" })
        {
            Assert.False(Rules.Matches($$"""{"Variable":"$.Variable","{{op}}":0}""", input), op);
            Assert.False(Rules.Matches($$"""{"Variable":"$.Variable","{{op}}Path":"$.Value"}""", input), op + "Path");
        }
    }

    [Fact]
    public void A_path_operand_that_is_not_a_number_does_not_match()
    {
        Assert.False(Rules.Matches("""{"Variable":"$.Variable","NumericEqualsPath":"$.Value"}""", """{"Variable":1,"Value":"1"}"""));
        Assert.False(Rules.Matches("""{"Variable":"$.Variable","NumericGreaterThanEqualsPath":"$.Value"}""", """{"Variable":1,"Value":null}"""));
    }
}
