using Stepwise.Definition.Validation;

namespace Stepwise.Definition.Tests.Validation;

public sealed class WarningTests
{
    private static Diagnostic SingleWarning(ValidationResult result)
    {
        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        return warning;
    }

    [Theory]
    [InlineData("$.a")]
    [InlineData("$$.Execution.Id")]
    [InlineData("States.Format('{}', $.a)")]
    public void A_template_value_that_looks_evaluated_without_a_dollar_key_is_a_NO_DOLLAR_warning(string text)
    {
        var warning = SingleWarning(Asl.ValidateState($$$$"""{"Type":"Pass","End":true,"Parameters":{"outer":{"value":"{{{{text}}}}"}}}"""));

        Assert.Equal((DiagnosticCodes.NoDollar, "/States/X/Parameters"), (warning.Code, warning.Location));
        Assert.Contains("'value'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cost in $")]
    [InlineData("States are fine")]
    public void Ordinary_text_is_not_a_NO_DOLLAR_warning(string text)
    {
        var result = Asl.ValidateState($$$$"""{"Type":"Pass","End":true,"Parameters":{"value":"{{{{text}}}}"}}""");

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_Fail_Error_that_looks_like_a_path_is_a_NO_PATH_warning()
    {
        var warning = SingleWarning(Asl.ValidateState("""{"Type":"Fail","Error":"$.error"}"""));

        Assert.Equal((DiagnosticCodes.NoPath, "/States/X/Error"), (warning.Code, warning.Location));
    }

    [Fact]
    public void A_Pass_Result_with_paths_is_a_PASS_RESULT_IS_STATIC_warning()
    {
        var warning = SingleWarning(Asl.ValidateState("""{"Type":"Pass","End":true,"Result":{"a.$":"$.x"}}"""));

        Assert.Equal((DiagnosticCodes.PassResultIsStatic, "/States/X/Result"), (warning.Code, warning.Location));
    }

    [Fact]
    public void Warnings_follow_the_errors_and_stay_out_of_the_InvalidDefinition_message()
    {
        var result = Asl.ValidateState("""{"Type":"Pass","Result":"$.x"}""");

        Assert.False(result.IsValid);
        Assert.Equal([DiagnosticSeverity.Error, DiagnosticSeverity.Warning], result.Diagnostics.Select(d => d.Severity));
        Assert.DoesNotContain(DiagnosticCodes.PassResultIsStatic, result.ToInvalidDefinitionMessage(), StringComparison.Ordinal);
    }
}
