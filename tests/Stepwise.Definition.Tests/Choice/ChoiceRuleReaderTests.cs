using Stepwise.Definition.Choice;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Tests.Choice;

public sealed class ChoiceRuleReaderTests
{
    private static ChoiceRule Read(string json) => ChoiceRule.Read(JsonValue.Parse(json).AsObject());

    private static FormatException ReadFails(string json) => Assert.Throws<FormatException>(() => Read(json));

    [Fact]
    public void A_comparison_keeps_its_variable_operator_literal_operand_and_next()
    {
        var rule = Assert.IsType<ComparisonChoiceRule>(Read("""{"Variable":"$.value","NumericGreaterThan":20,"Next":"Big"}"""));

        Assert.Equal("$.value", rule.Variable.Text);
        Assert.Equal(ComparisonOperator.NumericGreaterThan, rule.Operator);
        Assert.Equal(20, Assert.IsType<JsonNumber>(rule.Operand).ToDouble());
        Assert.Null(rule.OperandPath);
        Assert.Equal("Big", rule.Next);
        Assert.Equal("NumericGreaterThan", rule.OperatorFieldName);
    }

    [Fact]
    public void A_Path_operator_is_the_same_operator_with_an_operand_path_instead_of_a_literal()
    {
        // assign/test_assign_reference_variables__test_reference_assign_BASE_REFERENCE_IN_CHOICE_acc7d7.json
        var rule = Assert.IsType<ComparisonChoiceRule>(Read("""{"Variable":"$guess","StringEqualsPath":"$answer","Next":"CorrectAnswer"}"""));

        Assert.Equal(ComparisonOperator.StringEquals, rule.Operator);
        Assert.Null(rule.Operand);
        Assert.NotNull(rule.OperandPath);
        Assert.Equal("$answer", rule.OperandPath.Text);
        Assert.Equal(PathRoot.Variable, rule.Variable.Root);
        Assert.Equal("StringEqualsPath", rule.OperatorFieldName);
    }

    [Fact]
    public void Field_order_does_not_matter()
    {
        // scenarios/test_base_scenarios__test_choice_unsorted_parameters_positive_*.json lists BooleanEquals before Variable.
        var rule = Assert.IsType<ComparisonChoiceRule>(Read("""{"BooleanEquals":true,"Next":"FinishTrue","Variable":"$.result.done"}"""));

        Assert.Equal(ComparisonOperator.BooleanEquals, rule.Operator);
        Assert.Equal("$.result.done", rule.Variable.Text);
        Assert.Equal("FinishTrue", rule.Next);
    }

    [Fact]
    public void Boolean_expressions_nest_and_only_the_top_level_rule_has_a_next()
    {
        // scenarios/test_base_scenarios__test_map_state_break_condition.json
        var rule = Assert.IsType<AndChoiceRule>(Read("""
            {"And":[{"IsPresent":true,"Variable":"$"},
                    {"Or":[{"IsNumeric":true,"Variable":"$"},{"Not":{"NumericEquals":3,"Variable":"$"}}]}],
             "Next":"Break"}
            """));

        Assert.Equal("Break", rule.Next);
        Assert.Equal(2, rule.Rules.Length);
        var first = Assert.IsType<ComparisonChoiceRule>(rule.Rules[0]);
        Assert.Equal(ComparisonOperator.IsPresent, first.Operator);
        Assert.Null(first.Next);
        var or = Assert.IsType<OrChoiceRule>(rule.Rules[1]);
        var not = Assert.IsType<NotChoiceRule>(or.Rules[1]);
        Assert.Equal(ComparisonOperator.NumericEquals, Assert.IsType<ComparisonChoiceRule>(not.Rule).Operator);
    }

    [Fact]
    public void Comments_are_allowed_at_every_level()
    {
        // comments/test_comments__test_comments_as_per_docs.json
        var rule = Assert.IsType<AndChoiceRule>(Read("""
            {"And":[{"Variable":"$.status","StringEquals":"complete","Comment":"If task is complete"}],
             "Comment":"Set the next state","Next":"SuccessState"}
            """));

        Assert.Single(rule.Rules);
    }

    [Fact]
    public void Assign_of_a_top_level_rule_is_kept_as_written()
    {
        // assign/test_assign_reference_variables__test_assign_in_choice_state_CORRECT_bdfaaf.json
        var rule = Read("""{"Variable":"$.input_value","NumericEquals":42,"Assign":{"status":"CORRECT"},"Next":"FinalState"}""");

        Assert.Equal("""{"status":"CORRECT"}""", rule.Assign?.ToJsonString());
    }

    [Fact]
    public void A_rule_without_assign_has_none()
    {
        Assert.Null(Read("""{"Variable":"$.x","IsNull":true,"Next":"N"}""").Assign);
    }

    [Fact]
    public void Timestamp_literals_are_parsed_once_into_instants()
    {
        var rule = Assert.IsType<ComparisonChoiceRule>(Read("""{"Variable":"$.t","TimestampLessThan":"2012-10-09T20:00:55+01:00","Next":"N"}"""));

        Assert.Equal(new DateTimeOffset(2012, 10, 9, 19, 0, 55, TimeSpan.Zero), rule.TimestampOperand);
    }

    [Fact]
    public void StringMatches_patterns_are_compiled_when_read()
    {
        var rule = Assert.IsType<ComparisonChoiceRule>(Read("""{"Variable":"$.f","StringMatches":"log-*.txt","Next":"N"}"""));

        Assert.NotNull(rule.Pattern);
        Assert.True(rule.Pattern.IsMatch("log-1.txt"));
    }

    [Theory]
    [InlineData("""{"Variable":"$.x","StringEquals":"a"}""", "needs a 'Next'")]
    [InlineData("""{"Not":{"Variable":"$.x","StringEquals":"a","Next":"N"},"Next":"N"}""", "at /Not: the field 'Next' is only allowed")]
    [InlineData("""{"And":[{"Variable":"$.x","IsNull":true,"Assign":{}}],"Next":"N"}""", "at /And/0: the field 'Assign' is only allowed")]
    [InlineData("""{"Variable":"$.x","StringEquals":"a","NumericEquals":1,"Next":"N"}""", "one comparison operator")]
    [InlineData("""{"Variable":"$.x","StringEqual":"a","Next":"N"}""", "unknown field 'StringEqual'")]
    [InlineData("""{"Variable":"$.x","StringMatchesPath":"$.p","Next":"N"}""", "unknown field 'StringMatchesPath'")]
    [InlineData("""{"Variable":"$.x","IsNullPath":"$.p","Next":"N"}""", "unknown field 'IsNullPath'")]
    [InlineData("""{"Variable":"$.x","NumericEquals":"1","Next":"N"}""", "at /NumericEquals: expected a number, found String")]
    [InlineData("""{"Variable":"$.x","StringEquals":1,"Next":"N"}""", "at /StringEquals: expected a string, found Number")]
    [InlineData("""{"Variable":"$.x","BooleanEquals":"true","Next":"N"}""", "expected a boolean")]
    [InlineData("""{"Variable":"$.x","IsPresent":1,"Next":"N"}""", "expected a boolean")]
    [InlineData("""{"Variable":"$.x","TimestampEquals":"2012-10-09","Next":"N"}""", "at /TimestampEquals: '2012-10-09' is not an RFC 3339 timestamp")]
    [InlineData("""{"Variable":"$.x","NumericEqualsPath":1,"Next":"N"}""", "expected a string (a path)")]
    [InlineData("""{"Variable":"x","StringEquals":"a","Next":"N"}""", "at /Variable: 'x' is not a valid path")]
    [InlineData("""{"Variable":"$.x","Next":"N"}""", "needs a comparison operator")]
    [InlineData("""{"StringEquals":"a","Next":"N"}""", "needs a 'Variable'")]
    [InlineData("""{"Next":"N"}""", "needs 'And', 'Or', 'Not'")]
    [InlineData("""{"And":[],"Next":"N"}""", "at /And: the array must hold at least one rule")]
    [InlineData("""{"Or":[1],"Next":"N"}""", "at /Or/0: a rule must be an object")]
    [InlineData("""{"Not":{"Variable":"$.x","IsNull":true},"Variable":"$.y","IsNull":true,"Next":"N"}""", "exactly one of")]
    [InlineData("""{"Condition":"{% true %}","Next":"N"}""", "JSONata")]
    [InlineData("""{"Variable":"$.x","IsNull":true,"Next":1}""", "at /Next: expected a string")]
    public void A_rule_the_model_cannot_hold_is_refused_with_a_message_naming_the_field(string json, string expectedFragment)
    {
        var exception = ReadFails(json);

        Assert.Contains(expectedFragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_Choices_array_reads_in_order_with_each_rule_keeping_its_next()
    {
        // scenarios/test_base_scenarios__test_choice_aws_docs_scenario_CHOICE_STATE_AWS_SCENARIO_8f8db8.json
        var rules = ChoiceRule.ReadAll(JsonValue.Parse("""
            [{"Not":{"Variable":"$.type","StringEquals":"Private"},"Next":"Public"},
             {"Variable":"$.value","NumericEquals":0,"Next":"ValueIsZero"},
             {"And":[{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}],"Next":"ValueInTwenties"}]
            """).AsArray());

        Assert.Equal(["Public", "ValueIsZero", "ValueInTwenties"], rules.Select(r => r.Next));
        Assert.IsType<NotChoiceRule>(rules[0]);
        Assert.IsType<ComparisonChoiceRule>(rules[1]);
        Assert.IsType<AndChoiceRule>(rules[2]);
    }

    [Theory]
    [InlineData("[]", "Invalid choice rule: the array must hold at least one rule.")]
    [InlineData("""[{"Variable":"$.a","IsNull":true,"Next":"A"},{"Variable":"$.b","IsNull":true}]""", "Invalid choice rule at /1: a top-level rule of Choices needs a 'Next'.")]
    [InlineData("""[{"And":[{"Variable":"$.a","IsNull":1}],"Next":"A"}]""", "Invalid choice rule at /0/And/0/IsNull: expected a boolean, found Number.")]
    public void Errors_in_a_Choices_array_are_located_from_the_array(string json, string message)
    {
        var exception = Assert.Throws<FormatException>(() => ChoiceRule.ReadAll(JsonValue.Parse(json).AsArray()));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        // The JSON parser stops at Jackson's depth of 1000, but a tree built in code has no such bound.
        var exception = Assert.Throws<FormatException>(() => ChoiceRule.Read(NestedNots(100_000)));

        Assert.Contains("nest deeper than", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_as_deep_as_parsed_JSON_allows_is_still_read()
    {
        Assert.IsType<NotChoiceRule>(ChoiceRule.Read(NestedNots(998)));
    }

    private static JsonObject NestedNots(int depth)
    {
        JsonObject rule = JsonObject.Create(("Variable", "$.x"), ("IsNull", true));
        for (int i = 0; i < depth; i++)
        {
            rule = JsonObject.Create(("Not", rule));
        }

        return rule.With("Next", "N");
    }

    [Fact]
    public void Every_operator_with_a_path_form_reads_both_forms()
    {
        foreach (var op in Enum.GetValues<ComparisonOperator>())
        {
            string literal = op switch
            {
                <= ComparisonOperator.StringMatches => "\"a\"",
                <= ComparisonOperator.NumericGreaterThanEquals => "1",
                <= ComparisonOperator.TimestampGreaterThanEquals and not ComparisonOperator.BooleanEquals => "\"2012-10-09T19:00:55Z\"",
                _ => "true",
            };
            var plain = Assert.IsType<ComparisonChoiceRule>(Read($$"""{"Variable":"$.x","{{op}}":{{literal}},"Next":"N"}"""));
            Assert.Equal(op, plain.Operator);
            Assert.Null(plain.OperandPath);

            bool hasPathForm = op is not ComparisonOperator.StringMatches and < ComparisonOperator.IsNull;
            if (hasPathForm)
            {
                var path = Assert.IsType<ComparisonChoiceRule>(Read($$"""{"Variable":"$.x","{{op}}Path":"$.y","Next":"N"}"""));
                Assert.Equal(op, path.Operator);
                Assert.Equal("$.y", path.OperandPath?.Text);
            }
            else
            {
                ReadFails($$"""{"Variable":"$.x","{{op}}Path":"$.y","Next":"N"}""");
            }
        }
    }
}
