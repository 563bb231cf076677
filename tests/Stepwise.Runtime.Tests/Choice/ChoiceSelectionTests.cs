using Stepwise.Definition.Choice;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Choice;

namespace Stepwise.Runtime.Tests.Choice;

public sealed class ChoiceSelectionTests
{
    // scenarios/test_base_scenarios__test_choice_aws_docs_scenario_CHOICE_STATE_AWS_SCENARIO_8f8db8.json
    private static readonly ChoiceRule[] s_docsScenario =
    [
        .. ChoiceRule.ReadAll(JsonValue.Parse("""
            [{"Not":{"Variable":"$.type","StringEquals":"Private"},"Next":"Public"},
             {"Variable":"$.value","NumericEquals":0,"Next":"ValueIsZero"},
             {"And":[{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}],"Next":"ValueInTwenties"}]
            """).AsArray()),
    ];

    [Theory]
    // scenarios/test_sfn_scenarios__test_path_based_on_data__exec0..2 (same rules).
    [InlineData("""{"type":"Public","value":3}""", "Public")]
    [InlineData("""{"type":"Private","value":25}""", "ValueInTwenties")]
    [InlineData("""{"type":"Private","value":0}""", "ValueIsZero")]
    [InlineData("""{"type":"Private","value":3}""", null)]
    public void The_first_matching_rule_in_definition_order_is_selected(string input, string? expectedNext)
    {
        Assert.True(ChoiceEvaluator.TrySelect(s_docsScenario, new PathScope(JsonValue.Parse(input), JsonObject.Empty), out var selected, out _));

        Assert.Equal(expectedNext, selected?.Next);
    }

    [Fact]
    public void Rules_after_the_match_are_not_evaluated()
    {
        // "Public" matches first, so the missing $.value of the later rules raises nothing.
        Assert.True(ChoiceEvaluator.TrySelect(s_docsScenario, new PathScope(JsonValue.Parse("""{"type":"Public"}"""), JsonObject.Empty), out var selected, out _));

        Assert.Equal("Public", selected?.Next);
    }

    [Fact]
    public void A_rule_reached_with_an_invalid_path_fails_the_selection()
    {
        bool ok = ChoiceEvaluator.TrySelect(s_docsScenario, new PathScope(JsonValue.Parse("""{"type":"Private"}"""), JsonObject.Empty), out var selected, out var error);

        Assert.False(ok);
        Assert.Null(selected);
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal("Invalid path '$.value': The choice state's condition path references an invalid value.", error.Cause);
    }
}
