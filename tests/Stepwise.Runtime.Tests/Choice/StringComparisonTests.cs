namespace Stepwise.Runtime.Tests.Choice;

public sealed class StringComparisonTests
{
    [Theory]
    // choice_operators/test_string_operators__test_string_equals__exec13..15 and _path__exec0..2
    [InlineData(" ", "     ", false)]
    [InlineData("\t\n", "\t\r\n", false)]
    [InlineData("Hello", "Hello", true)]
    [InlineData("hello", "Hello", false)]
    [InlineData("é", "e\u0301", false)] // no Unicode normalisation: code units are compared
    public void StringEquals_compares_exactly(string value, string operand, bool expected)
    {
        string input = JsonInput(value, operand);
        Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","StringEquals":{{Quote(operand)}}}""", input));
        Assert.Equal(expected, Rules.Matches("""{"Variable":"$.Variable","StringEqualsPath":"$.Value"}""", input));
    }

    [Theory]
    // choice_operators/test_string_operators__test_string_less_than*, _greater_than*: "" vs "", "A" vs "AB", "AB" vs "A",
    // "A" vs "A " and "A" vs "A\t\n\r" (a prefix sorts first).
    [InlineData("", "", "StringLessThan", false)]
    [InlineData("A", "AB", "StringLessThan", true)]
    [InlineData("AB", "A", "StringLessThan", false)]
    [InlineData("", "", "StringLessThanEquals", true)]
    [InlineData("A", "AB", "StringLessThanEquals", true)]
    [InlineData("AB", "A", "StringLessThanEquals", false)]
    [InlineData("", "", "StringGreaterThan", false)]
    [InlineData("A", "A ", "StringGreaterThan", false)]
    [InlineData("A", "A\t\n\r", "StringGreaterThan", false)]
    [InlineData("AB", "ABC", "StringGreaterThan", false)]
    [InlineData("ABC", "AB", "StringGreaterThan", true)]
    [InlineData("", "", "StringGreaterThanEquals", true)]
    [InlineData("A", "AB", "StringGreaterThanEquals", false)]
    [InlineData("AB", "A", "StringGreaterThanEquals", true)]
    public void String_ordering_operators_and_their_path_forms_agree_with_AWS(string value, string operand, string op, bool expected)
    {
        string input = JsonInput(value, operand);
        Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","{{op}}":{{Quote(operand)}}}""", input));
        Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","{{op}}Path":"$.Value"}""", input));
    }

    [Theory]
    // Java's String.compareTo orders by UTF-16 code unit, not by culture: 'B' (U+0042) sorts before 'a' (U+0061), and a
    // supplementary character (a surrogate pair, D83D...) sorts before U+FFFD.
    [InlineData("B", "a", true)]
    [InlineData("a", "B", false)]
    [InlineData("Z", "a", true)]
    [InlineData("\U0001F600", "\uFFFD", true)]
    public void Strings_order_by_UTF16_code_unit_as_Java_orders_them(string value, string operand, bool lessThan)
    {
        Assert.Equal(lessThan, Rules.Matches($$"""{"Variable":"$.Variable","StringLessThan":{{Quote(operand)}}}""", JsonInput(value, operand)));
    }

    [Theory]
    [InlineData("log-*.txt", "log-2024.txt", true)]
    [InlineData("log-*.txt", "log-2024.csv", false)]
    [InlineData(@"*\*", "rated 5*", true)]
    [InlineData(@"*\*", "rated 5", false)]
    [InlineData(@"C:\\*", @"C:\temp", true)]
    public void StringMatches_uses_star_wildcards_with_backslash_escapes(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","StringMatches":{{Quote(pattern)}}}""", JsonInput(value, pattern)));
    }

    [Theory]
    // choice_operators/test_string_operators__test_string_equals__exec0..12: non-strings never equal a string.
    [InlineData("null")]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("1.1")]
    [InlineData("[]")]
    [InlineData("[\"\"]")]
    [InlineData("{}")]
    [InlineData("{\"A\":0}")]
    [InlineData("false")]
    [InlineData("true")]
    public void A_non_string_value_matches_no_string_operator_and_raises_no_error(string value)
    {
        string input = $$"""{"Variable":{{value}},"Value":"0"}""";
        foreach (string op in new[] { "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals" })
        {
            Assert.False(Rules.Matches($$"""{"Variable":"$.Variable","{{op}}":"0"}""", input), op);
            Assert.False(Rules.Matches($$"""{"Variable":"$.Variable","{{op}}Path":"$.Value"}""", input), op + "Path");
        }

        Assert.False(Rules.Matches("""{"Variable":"$.Variable","StringMatches":"*"}""", input));
    }

    [Fact]
    public void A_path_operand_that_is_not_a_string_does_not_match()
    {
        Assert.False(Rules.Matches("""{"Variable":"$.Variable","StringEqualsPath":"$.Value"}""", """{"Variable":"1","Value":1}"""));
        Assert.False(Rules.Matches("""{"Variable":"$.Variable","StringLessThanEqualsPath":"$.Value"}""", """{"Variable":"","Value":null}"""));
    }

    private static string JsonInput(string value, string operand) => $$"""{"Variable":{{Quote(value)}},"Value":{{Quote(operand)}}}""";

    private static string Quote(string text) => Stepwise.Json.JsonText.Quote(text);
}
