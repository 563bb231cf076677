namespace Stepwise.Runtime.Tests.Choice;

public sealed class BooleanExpressionTests
{
    private const string InTwenties = """{"And":[{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}]}""";

    [Theory]
    // scenarios/test_sfn_scenarios__test_path_based_on_data__exec*: the AWS docs' "value in the twenties" rule.
    [InlineData(25, true)]
    [InlineData(20, true)]
    [InlineData(30, false)]
    [InlineData(3, false)]
    public void And_matches_when_every_rule_matches(int value, bool expected)
    {
        Assert.Equal(expected, Rules.Matches(InTwenties, $$"""{"value":{{value}}}"""));
    }

    [Theory]
    [InlineData("\"a\"", true)]
    [InlineData("\"b\"", true)]
    [InlineData("\"c\"", false)]
    public void Or_matches_when_any_rule_matches(string value, bool expected)
    {
        Assert.Equal(expected, Rules.Matches(
            """{"Or":[{"Variable":"$.v","StringEquals":"a"},{"Variable":"$.v","StringEquals":"b"}]}""",
            $$"""{"v":{{value}}}"""));
    }

    [Theory]
    // scenarios/test_sfn_scenarios__test_path_based_on_data__exec0: {"type":"Public"} takes the Not branch.
    [InlineData("Public", true)]
    [InlineData("Private", false)]
    public void Not_inverts_its_rule(string type, bool expected)
    {
        Assert.Equal(expected, Rules.Matches("""{"Not":{"Variable":"$.type","StringEquals":"Private"}}""", $$"""{"type":"{{type}}"}"""));
    }

    [Fact]
    public void A_single_rule_And_is_that_rule()
    {
        // scenarios/test_base_scenarios__test_choice_singleton_composite_CHOICE_STATE_SINGLETON_COMPOSITE_98e77b.json
        Assert.True(Rules.Matches("""{"And":[{"Variable":"$.type","StringEquals":"Public"}]}""", """{"type":"Public"}"""));
        Assert.False(Rules.Matches("""{"And":[{"Variable":"$.type","StringEquals":"Public"}]}""", """{"type":"Private"}"""));
    }

    [Fact]
    public void And_stops_at_the_first_miss_so_a_later_invalid_path_is_not_reached()
    {
        // scenarios/test_base_scenarios__test_map_state_break_condition.json guards NumericEquals with IsPresent/IsNumeric.
        Assert.False(Rules.Matches(
            """{"And":[{"Variable":"$.kind","StringEquals":"number"},{"Variable":"$.missing","NumericEquals":3}]}""",
            """{"kind":"text"}"""));
    }

    [Fact]
    public void Or_stops_at_the_first_match_so_a_later_invalid_path_is_not_reached()
    {
        Assert.True(Rules.Matches(
            """{"Or":[{"Variable":"$.kind","StringEquals":"text"},{"Variable":"$.missing","NumericEquals":3}]}""",
            """{"kind":"text"}"""));
    }

    [Fact]
    public void An_invalid_path_that_is_reached_fails_the_whole_expression()
    {
        var error = Rules.Fails(
            """{"Or":[{"Variable":"$.kind","StringEquals":"number"},{"Not":{"Variable":"$.missing","NumericEquals":3}}]}""",
            """{"kind":"text"}""");

        Assert.Contains("Invalid path '$.missing'", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Expressions_nest()
    {
        const string Rule = """
            {"And":[{"Variable":"$","IsPresent":true},
                    {"And":[{"Variable":"$.n","IsNumeric":true},{"Not":{"Variable":"$.n","NumericEquals":3}}]}]}
            """;

        Assert.True(Rules.Matches(Rule, """{"n":4}"""));
        Assert.False(Rules.Matches(Rule, """{"n":3}"""));
        Assert.False(Rules.Matches(Rule, """{"n":"4"}"""));
    }
}
