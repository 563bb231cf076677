using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Definition.Tests.Validation;

/// <summary>Small builders so each test shows only the part of the definition it is about.</summary>
internal static class Asl
{
    public static ValidationResult Validate(string definition) => DefinitionValidator.Validate(JsonValue.Parse(definition));

    public static ValidationResult ValidateExpress(string definition) => DefinitionValidator.Validate(JsonValue.Parse(definition), ValidationOptions.Express);

    /// <summary>A machine whose only state is <paramref name="state"/>, named X.</summary>
    public static ValidationResult ValidateState(string state) => Validate($$$$"""{"StartAt":"X","States":{"X":{{{{state}}}}}}""");

    /// <summary>A machine with the state X followed by a terminal Pass state named Done.</summary>
    public static ValidationResult ValidateStateThenDone(string state) =>
        Validate($$$$"""{"StartAt":"X","States":{"X":{{{{state}}}},"Done":{"Type":"Pass","End":true}}}""");

    public static Diagnostic Single(ValidationResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Diagnostics);
    }

    public static void AssertSingle(ValidationResult result, string code, string message, string location)
    {
        var diagnostic = Single(result);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(location, diagnostic.Location);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    public static void AssertSchema(ValidationResult result, string message, string location) =>
        AssertSingle(result, DiagnosticCodes.SchemaValidationFailed, message, location);

    public static void AssertValid(ValidationResult result) =>
        Assert.True(result.IsValid, string.Join("; ", result.Diagnostics));
}
