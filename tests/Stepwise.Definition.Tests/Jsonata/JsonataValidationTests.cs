using Stepwise.Definition.Validation;
using Stepwise.Json;
using Xunit;

namespace Stepwise.Definition.Tests.Jsonata;

public sealed class JsonataValidationTests
{
    private static ValidationResult Validate(string states) => DefinitionValidator.Validate(JsonValue.Parse(
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{" + states + "}}"));

    [Fact]
    public void An_expression_that_does_not_parse_is_reported_with_the_parser_message_at_its_field()
    {
        var result = Validate("""
            "A":{"Type":"Pass","Output":{"x":["{% 1 + %}"]},"End":true}
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.False(result.IsValid);
        Assert.Equal(DiagnosticCodes.InvalidJsonataExpression, diagnostic.Code);
        Assert.Equal("/States/A/Output/x[0]", diagnostic.Location);
        Assert.DoesNotContain("S0", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_JSONata_definition_has_no_diagnostics()
    {
        var result = Validate("""
            "A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f","Payload":"{% $states.input %}"},
              "Output":"{% $states.result.Payload %}","Assign":{"v":"{% $states.result %}"},
              "Catch":[{"ErrorEquals":["States.ALL"],"Output":"{% $states.errorOutput %}","Next":"B"}],"Next":"B"},
            "B":{"Type":"Choice","Choices":[{"Condition":"{% $v > 1 %}","Next":"C"}],"Default":"C"},
            "C":{"Type":"Succeed"}
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void States_result_outside_a_result_field_is_unsupported()
    {
        var result = Validate("""
            "A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f","Payload":"{% $states.result %}"},"End":true}
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnsupportedJsonataExpression, diagnostic.Code);
        Assert.Equal("Field '$states.result' does not exist.", diagnostic.Message);
        Assert.Equal("/States/A/Arguments/Payload", diagnostic.Location);
    }

    [Fact]
    public void States_result_in_a_Pass_Output_is_unsupported_because_a_Pass_has_no_result()
    {
        var result = Validate("""
            "A":{"Type":"Pass","Output":"{% $states.result %}","End":true}
            """);

        Assert.Equal(DiagnosticCodes.UnsupportedJsonataExpression, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void States_errorOutput_is_only_for_catchers()
    {
        var result = Validate("""
            "A":{"Type":"Pass","Assign":{"e":"{% $states.errorOutput %}"},"End":true}
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("Field '$states.errorOutput' does not exist.", diagnostic.Message);
        Assert.Equal("/States/A/Assign/e", diagnostic.Location);
    }

    [Theory]
    [InlineData("$states.input.a ?? 1", "??")]
    [InlineData("$states.input.a ?: 1", "?:")]
    public void Syntax_newer_than_AWS_JSONata_is_a_warning_that_does_not_fail(string expression, string op)
    {
        var result = Validate("\"A\":{\"Type\":\"Pass\",\"Output\":\"{% " + expression + " %}\",\"End\":true}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(result.IsValid);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DiagnosticCodes.JsonataNewerThanAws, diagnostic.Code);
        Assert.Contains(op, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operators_inside_string_literals_are_not_code()
    {
        var result = Validate("""
            "A":{"Type":"Pass","Output":"{% 'a ?? b' & \"$states.result\" %}","End":true}
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_JSONPath_state_is_not_parsed_as_JSONata()
    {
        var result = DefinitionValidator.Validate(JsonValue.Parse("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"{% 1 + %}","End":true}}}
            """));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidJsonataExpression);
    }
}
