using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Definition.Tests.Validation;

public sealed class RootTests
{
    [Fact]
    public void A_minimal_machine_is_valid()
    {
        var result = Asl.Validate("""{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""");

        Asl.AssertValid(result);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void A_definition_that_is_not_an_object_is_rejected_without_a_location(string definition)
    {
        var diagnostic = Asl.Single(DefinitionValidator.Validate(JsonValue.Parse(definition)));

        Assert.Equal("Definition must be a valid JSON object", diagnostic.Message);
        Assert.False(diagnostic.HasLocation);
    }

    [Fact]
    public void Missing_States_and_StartAt_are_reported_together_with_States_first()
    {
        Asl.AssertSchema(Asl.Validate("{}"), "These fields are required: [States, StartAt]", "/");
    }

    [Fact]
    public void Missing_StartAt_is_the_only_diagnostic_even_though_no_state_is_reachable()
    {
        Asl.AssertSchema(Asl.Validate("""{"States":{"A":{"Type":"Pass","End":true}}}"""), "These fields are required: [StartAt]", "/");
    }

    [Fact]
    public void Missing_States_is_reported_at_the_root()
    {
        Asl.AssertSchema(Asl.Validate("""{"StartAt":"A"}"""), "These fields are required: [States]", "/");
    }

    [Fact]
    public void An_unknown_top_level_field_is_not_supported()
    {
        Asl.AssertSchema(Asl.Validate("""{"StartAt":"A","Coment":"typo","States":{"A":{"Type":"Succeed"}}}"""), "Field 'Coment' is not supported", "/");
    }

    [Fact]
    public void The_machine_TimeoutSeconds_must_be_positive()
    {
        Asl.AssertSchema(
            Asl.Validate("""{"StartAt":"A","TimeoutSeconds":0,"States":{"A":{"Type":"Succeed"}}}"""),
            "The value for the field 'TimeoutSeconds' must be greater than or equal to 1",
            "/TimeoutSeconds");
    }

    [Fact]
    public void Empty_States_are_rejected()
    {
        Asl.AssertSchema(Asl.Validate("""{"StartAt":"A","States":{}}"""), "Value cannot be empty", "/States");
    }

    [Fact]
    public void The_InvalidDefinition_message_joins_errors_and_writes_a_missing_location_as_null()
    {
        var result = Asl.Validate("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}""");

        Assert.Equal(
            "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Nope at /States/A/Next, MISSING_END_STATE: Workflow has no terminal state at null'",
            result.ToInvalidDefinitionMessage());
    }

    [Fact]
    public void Warnings_alone_leave_a_definition_valid_and_out_of_the_InvalidDefinition_message()
    {
        var result = new ValidationResult(
        [
            new Diagnostic("SOME_WARNING", "careful", "/States/A", DiagnosticSeverity.Warning),
        ]);

        Assert.True(result.IsValid);
        Assert.Equal("Invalid State Machine Definition: ''", result.ToInvalidDefinitionMessage());
    }
}
