using System.Text;
using Stepwise.Definition.Validation;
using Stepwise.Json;
using Stepwise.Runtime.Testing;

namespace Stepwise.Conformance.AwsRecorded.Validation;

/// <summary>Runs one recorded validation case through <see cref="DefinitionValidator"/>; null when AWS's answer is reproduced.</summary>
internal static class ValidationCaseRunner
{
    public static string? Run(ValidationCase testCase)
    {
        var data = testCase.Data;
        var request = data["request"]!.AsObject();
        var options = request["type"] is JsonString { Value: "EXPRESS" } ? ValidationOptions.Express : ValidationOptions.Standard;
        if (data["kind"]!.AsString() == "validate_definition")
        {
            return CompareResponse(Validate(request, options, testState: false), data["expected"]!.AsObject()["response"]!.AsObject());
        }

        bool testState = data["action"] is JsonString { Value: "TestState" };
        var expected = data["expected"]!.AsObject()["error"]!.AsObject();
        var result = Validate(request, options, testState);
        if (testState && result.IsValid && request["mock"] is null && request["definition"] is JsonObject state && StateTest.NeedsMock(state))
        {
            // A valid Map or Parallel state that TestState still refuses: its rule, not the validator's.
            string message = expected["message"]!.AsString();
            return RecordedText.Matches(message, StateTest.MapOrParallelNeedsMock) ? null : $"expected message\n  {message}\nactual\n  {StateTest.MapOrParallelNeedsMock}";
        }

        return CompareError(result, expected);
    }

    private static ValidationResult Validate(JsonObject request, ValidationOptions options, bool testState)
    {
        if (request["definitionRaw"] is JsonString raw)
        {
            return DefinitionValidator.Validate(raw.Value, options);
        }

        var definition = request["definition"]!;
        // TestState takes either a whole machine (with stateName) or a single state, which AWS wraps as "StateName".
        return testState && definition is JsonObject state && state.ContainsKey("Type")
            ? DefinitionValidator.ValidateState(definition, options)
            : DefinitionValidator.Validate(definition, options);
    }

    private static string? CompareError(ValidationResult result, JsonObject expected)
    {
        string message = expected["message"]!.AsString();
        if (result.IsValid)
        {
            return $"the definition validated, AWS answered InvalidDefinition: {message}";
        }

        string actual = result.ToInvalidDefinitionMessage();
        return RecordedText.Matches(message, actual) ? null : $"expected message\n  {message}\nactual\n  {actual}";
    }

    private static string? CompareResponse(ValidationResult result, JsonObject expected)
    {
        var diagnostics = expected["diagnostics"]!.AsArray();
        var failure = new StringBuilder();
        string expectedResult = expected["result"]!.AsString();
        string actualResult = result.IsValid ? "OK" : "FAIL";
        if (expectedResult != actualResult)
        {
            failure.Append($"result {actualResult}, AWS {expectedResult}; ");
        }

        if (diagnostics.Count != result.Diagnostics.Count)
        {
            failure.Append($"{result.Diagnostics.Count} diagnostics, AWS {diagnostics.Count}; ");
        }

        for (int i = 0; i < Math.Min(diagnostics.Count, result.Diagnostics.Count); i++)
        {
            var want = diagnostics[i].AsObject();
            var got = result.Diagnostics[i];
            string severity = got.Severity == DiagnosticSeverity.Error ? "ERROR" : "WARNING";
            string? location = want["location"]?.AsString();
            if (want["code"]!.AsString() != got.Code
                || !RecordedText.Matches(want["message"]!.AsString(), got.Message)
                || want["severity"]!.AsString() != severity
                || (location ?? "") != got.Location)
            {
                failure.Append($"diagnostic {i}: expected {want.ToJsonString()}, actual {{code: {got.Code}, message: {JsonText.Quote(got.Message)}, location: {JsonText.Quote(got.Location)}, severity: {severity}}}; ");
            }
        }

        for (int i = diagnostics.Count; i < result.Diagnostics.Count; i++)
        {
            failure.Append($"extra diagnostic {result.Diagnostics[i]}; ");
        }

        return failure.Length == 0 ? null : failure.ToString();
    }
}
