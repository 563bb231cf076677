namespace Stepwise.Runtime.Tests.Choice;

public sealed class BooleanAndTimestampComparisonTests
{
    [Theory]
    // choice_operators/test_boolean_equals__test_boolean_equals{,_path}__exec32..35
    [InlineData("true", "true", true)]
    [InlineData("false", "true", false)]
    [InlineData("false", "false", true)]
    [InlineData("true", "false", false)]
    public void BooleanEquals_and_its_path_form_compare_booleans(string value, string operand, bool expected)
    {
        string input = $$"""{"Variable":{{value}},"Value":{{operand}}}""";
        Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","BooleanEquals":{{operand}}}""", input));
        Assert.Equal(expected, Rules.Matches("""{"Variable":"$.Variable","BooleanEqualsPath":"$.Value"}""", input));
    }

    [Theory]
    // choice_operators/test_boolean_equals__test_boolean_equals{,_path}__exec0..31: no truthiness (not 0, 1, "", [], {}).
    [InlineData("null")]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("1")]
    [InlineData("1.1")]
    [InlineData("\"\"")]
    [InlineData("\"true\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void A_non_boolean_never_equals_a_boolean(string value)
    {
        foreach (string operand in new[] { "true", "false" })
        {
            string input = $$"""{"Variable":{{value}},"Value":{{operand}}}""";
            Assert.False(Rules.Matches($$"""{"Variable":"$.Variable","BooleanEquals":{{operand}}}""", input));
            Assert.False(Rules.Matches("""{"Variable":"$.Variable","BooleanEqualsPath":"$.Value"}""", input));
        }
    }

    [Theory]
    // choice_operators/test_timestamp_operators__test_timestamp_*: 55Z vs 55Z, 55Z vs 56Z, 56Z vs 55Z.
    [InlineData("2012-10-09T19:00:55Z", "2012-10-09T19:00:55Z", 0)]
    [InlineData("2012-10-09T19:00:55Z", "2012-10-09T19:00:56Z", -1)]
    [InlineData("2012-10-09T19:00:56Z", "2012-10-09T19:00:55Z", 1)]
    // Instants, not texts: the same moment written with another offset is equal.
    [InlineData("2012-10-09T20:00:55+01:00", "2012-10-09T19:00:55Z", 0)]
    [InlineData("2012-10-09T19:00:55.5Z", "2012-10-09T19:00:55Z", 1)]
    public void Timestamp_operators_and_their_path_forms_compare_instants(string value, string operand, int order)
    {
        string input = $$"""{"Variable":"{{value}}","Value":"{{operand}}"}""";
        (string Op, bool Expected)[] cases =
        [
            ("TimestampEquals", order == 0),
            ("TimestampLessThan", order < 0),
            ("TimestampGreaterThan", order > 0),
            ("TimestampLessThanEquals", order <= 0),
            ("TimestampGreaterThanEquals", order >= 0),
        ];
        foreach (var (op, expected) in cases)
        {
            Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","{{op}}":"{{operand}}"}""", input));
            Assert.Equal(expected, Rules.Matches($$"""{"Variable":"$.Variable","{{op}}Path":"$.Value"}""", input));
        }
    }

    [Theory]
    // choice_operators/test_timestamp_operators__test_timestamp_equals__exec0..13: non-strings and strings that are not
    // RFC 3339 timestamps ("2023-02-24 12:15:56.832957" has a space and no offset) simply do not match.
    [InlineData("null")]
    [InlineData("0")]
    [InlineData("1.1")]
    [InlineData("\"\"")]
    [InlineData("\" \"")]
    [InlineData("\"2023-02-24 12:15:56.832957\"")]
    [InlineData("\"2012-10-09T19:00:55\"")]
    [InlineData("\"2023-02-24\"")]
    [InlineData("[]")]
    [InlineData("{\"A\":0}")]
    [InlineData("true")]
    public void A_value_that_is_not_a_timestamp_matches_no_timestamp_operator(string value)
    {
        string input = $$"""{"Variable":{{value}},"Value":"2012-10-09T19:00:55Z"}""";
        foreach (string op in new[] { "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals" })
        {
            Assert.False(Rules.Matches($$"""{"Variable":"$.Variable","{{op}}":"2012-10-09T19:00:55Z"}""", input), op);
            Assert.False(Rules.Matches($$"""{"Variable":"$.Variable","{{op}}Path":"$.Value"}""", input), op + "Path");
        }
    }

    [Fact]
    public void A_path_operand_that_is_not_a_timestamp_does_not_match()
    {
        Assert.False(Rules.Matches("""{"Variable":"$.Variable","TimestampLessThanEqualsPath":"$.Value"}""", """{"Variable":"2012-10-09T19:00:55Z","Value":"tomorrow"}"""));
        Assert.False(Rules.Matches("""{"Variable":"$.Variable","TimestampEqualsPath":"$.Value"}""", """{"Variable":"2012-10-09T19:00:55Z","Value":0}"""));
    }
}
