using Stepwise.Definition.Validation;

namespace Stepwise.Definition.Tests.Validation;

public sealed class ChoiceTests
{
    private static ValidationResult WithChoices(string choices) =>
        Asl.ValidateStateThenDone($$$$"""{"Type":"Choice","Choices":{{{{choices}}}},"Default":"Done"}""");

    [Fact]
    public void Boolean_combinations_and_every_operator_family_are_accepted()
    {
        Asl.AssertValid(WithChoices("""
            [{"And":[{"Variable":"$.a","StringEquals":"x"},{"Not":{"Variable":"$.b","NumericLessThanPath":"$.c"}}],"Next":"Done"},
             {"Or":[{"Variable":"$.t","TimestampGreaterThan":"2024-01-02T03:04:05Z"},{"Variable":"$.u","IsPresent":false}],"Next":"Done"},
             {"Variable":"$$.Execution.Id","StringMatches":"a*","Next":"Done"},
             {"Variable":"$.flag","BooleanEquals":true,"Next":"Done","Assign":{"seen":true}}]
            """));
    }

    [Fact]
    public void Choices_cannot_be_empty()
    {
        Asl.AssertSchema(WithChoices("[]"), "Value cannot be empty", "/States/X/Choices");
    }

    [Fact]
    public void Choices_are_required()
    {
        Asl.AssertSchema(Asl.ValidateStateThenDone("""{"Type":"Choice","Default":"Done"}"""), "These fields are required: [Choices]", "/States/X");
    }

    [Fact]
    public void A_top_level_rule_needs_Next()
    {
        Asl.AssertSchema(WithChoices("""[{"Variable":"$.a","IsNull":true}]"""), "These fields are required: [Next]", "/States/X/Choices[0]");
    }

    [Fact]
    public void A_nested_rule_cannot_have_Next()
    {
        Asl.AssertSchema(
            WithChoices("""[{"Not":{"Variable":"$.a","IsNull":true,"Next":"Done"},"Next":"Done"}]"""),
            "Field 'Next' is not supported", "/States/X/Choices[0]/Not");
    }

    [Fact]
    public void A_rule_with_two_comparison_operators_is_rejected()
    {
        Asl.AssertSchema(
            WithChoices("""[{"Variable":"$.a","StringEquals":"x","IsNull":false,"Next":"Done"}]"""),
            "A choice rule must have exactly one comparison operator", "/States/X/Choices[0]");
    }

    [Fact]
    public void A_rule_without_a_comparison_operator_is_rejected()
    {
        Asl.AssertSchema(WithChoices("""[{"Variable":"$.a","Next":"Done"}]"""), "A choice rule must have exactly one comparison operator", "/States/X/Choices[0]");
    }

    [Fact]
    public void A_comparison_needs_a_Variable()
    {
        Asl.AssertSchema(WithChoices("""[{"StringEquals":"x","Next":"Done"}]"""), "These fields are required: [Variable]", "/States/X/Choices[0]");
    }

    [Fact]
    public void A_boolean_combination_cannot_have_a_Variable()
    {
        Asl.AssertSchema(
            WithChoices("""[{"Variable":"$.a","Not":{"Variable":"$.a","IsNull":true},"Next":"Done"}]"""),
            "Field 'Variable' is not supported", "/States/X/Choices[0]");
    }

    [Theory]
    [InlineData("NumericEquals", "\"1\"", "The value for the field 'NumericEquals' must be a NUMBER")]
    [InlineData("StringEquals", "1", "The value for the field 'StringEquals' must be a STRING")]
    [InlineData("BooleanEquals", "\"true\"", "The value for the field 'BooleanEquals' must be a BOOLEAN")]
    [InlineData("IsPresent", "1", "The value for the field 'IsPresent' must be a BOOLEAN")]
    [InlineData("TimestampEquals", "\"yesterday\"", "String does not match RFC3339 timestamp")]
    [InlineData("StringEqualsPath", "\"x\"", "The value for the field 'StringEqualsPath' must be a valid JSONPath")]
    public void Operator_values_must_have_the_operator_type(string field, string value, string message)
    {
        Asl.AssertSchema(WithChoices($$$$"""[{"Variable":"$.a","{{{{field}}}}":{{{{value}}}},"Next":"Done"}]"""), message, "/States/X/Choices[0]/" + field);
    }

    [Fact]
    public void The_Variable_must_be_a_path()
    {
        Asl.AssertSchema(WithChoices("""[{"Variable":"a.b","IsNull":true,"Next":"Done"}]"""), "The value for the field 'Variable' must be a valid JSONPath", "/States/X/Choices[0]/Variable");
    }

    [Fact]
    public void And_cannot_be_empty()
    {
        Asl.AssertSchema(WithChoices("""[{"And":[],"Next":"Done"}]"""), "Value cannot be empty", "/States/X/Choices[0]/And");
    }

    [Fact]
    public void Nested_rule_errors_are_located_at_their_array_index()
    {
        Asl.AssertSchema(
            WithChoices("""[{"Or":[{"Variable":"$.a","IsNull":true},{"Variable":"$.a","IsNull":true,"Bogus":1}],"Next":"Done"}]"""),
            "Field 'Bogus' is not supported", "/States/X/Choices[0]/Or[1]");
    }

    [Fact]
    public void A_JSONata_rule_is_a_Condition()
    {
        Asl.AssertValid(Asl.Validate("""
            {"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.a = 1 %}","Next":"Done","Output":{"x":1}}],"Default":"Done"},"Done":{"Type":"Succeed"}}}
            """));
    }

    [Fact]
    public void A_JSONata_rule_needs_a_Condition()
    {
        Asl.AssertSchema(
            Asl.Validate("""{"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Choice","Choices":[{"Next":"Done"}]},"Done":{"Type":"Succeed"}}}"""),
            "These fields are required: [Condition]", "/States/X/Choices[0]");
    }

    [Fact]
    public void A_JSONata_rule_cannot_use_JSONPath_comparisons()
    {
        Asl.AssertSchema(
            Asl.Validate("""{"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Choice","Choices":[{"Condition":true,"Variable":"$.a","Next":"Done"}]},"Done":{"Type":"Succeed"}}}"""),
            "Field 'Variable' is not supported", "/States/X/Choices[0]");
    }
}
