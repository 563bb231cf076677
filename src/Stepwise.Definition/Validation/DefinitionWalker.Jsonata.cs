using Stepwise.Definition.Jsonata;
using Stepwise.Json;
using Stepwise.Jsonata;

namespace Stepwise.Definition.Validation;

/// <summary>
/// The expressions of JSONata states: each <c>{% %}</c> string, at any depth of the JSONata fields, must parse, may use
/// <c>$states.result</c> only in the Output/Assign of a state that has a result, and <c>$states.errorOutput</c> only in
/// a catcher's Output/Assign. Syntax newer than AWS's JSONata 2.0.6 is a warning, so a definition that runs here also
/// deploys to AWS.
/// </summary>
internal sealed partial class DefinitionWalker
{
    /// <summary>The state fields that hold JSONata (expressions or templates of them).</summary>
    private static readonly string[] s_jsonataFields =
    [
        "Arguments", "Output", "Assign", "Items", "ItemSelector", "MaxConcurrency", "ToleratedFailureCount",
        "ToleratedFailurePercentage", "TimeoutSeconds", "HeartbeatSeconds", "Credentials", "Seconds", "Timestamp", "Error", "Cause",
    ];

    private void CheckJsonataExpressions(JsonObject state, string type, string location)
    {
        bool hasResult = type is StateFields.Task or StateFields.Map or StateFields.Parallel;
        foreach (string field in s_jsonataFields)
        {
            if (state.TryGetValue(field, out var value))
            {
                bool resultField = hasResult && field is "Output" or "Assign";
                CheckJsonataValue(value, Location.Field(location, field), resultField, allowErrorOutput: false);
            }
        }

        CheckJsonataRules(state, "Choices", location, allowErrorOutput: false, "Condition", "Output", "Assign");
        CheckJsonataRules(state, "Catch", location, allowErrorOutput: true, "Output", "Assign");
    }

    private void CheckJsonataRules(JsonObject state, string field, string location, bool allowErrorOutput, params ReadOnlySpan<string> ruleFields)
    {
        if (!state.TryGetValue(field, out var value) || value is not JsonArray rules)
        {
            return;
        }

        for (int i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject rule)
            {
                continue;
            }

            string ruleLocation = Location.Index(Location.Field(location, field), i);
            foreach (string name in ruleFields)
            {
                if (rule.TryGetValue(name, out var item))
                {
                    CheckJsonataValue(item, Location.Field(ruleLocation, name), allowResult: false, allowErrorOutput && name != "Condition");
                }
            }
        }
    }

    private void CheckJsonataValue(JsonValue value, string location, bool allowResult, bool allowErrorOutput)
    {
        switch (value)
        {
            case JsonString s when JsonataTemplate.IsExpression(s.Value):
                CheckJsonataExpression(JsonataTemplate.ExpressionBody(s.Value), location, allowResult, allowErrorOutput);
                break;
            case JsonObject obj:
                foreach (var (key, member) in obj)
                {
                    CheckJsonataValue(member, Location.Field(location, key), allowResult, allowErrorOutput);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    CheckJsonataValue(array[i], Location.Index(location, i), allowResult, allowErrorOutput);
                }

                break;
        }
    }

    private void CheckJsonataExpression(string expression, string location, bool allowResult, bool allowErrorOutput)
    {
        try
        {
            JsonataExpression.Compile(expression, AwsJsonataFunctions.Options);
        }
        catch (JsonataException e)
        {
            // AWS reports the parser's message without its code (INVALID_JSONATA_EXPRESSION: Unexpected end of expression).
            _context.SchemaCode(DiagnosticCodes.InvalidJsonataExpression, e.Message, location);
            return;
        }

        var code = JsonataCode.Scan(expression);
        if (!allowResult && code.Contains("$states.result"))
        {
            _context.SchemaCode(DiagnosticCodes.UnsupportedJsonataExpression, DiagnosticMessages.JsonataFieldDoesNotExist("$states.result"), location);
        }

        if (!allowErrorOutput && code.Contains("$states.errorOutput"))
        {
            _context.SchemaCode(DiagnosticCodes.UnsupportedJsonataExpression, DiagnosticMessages.JsonataFieldDoesNotExist("$states.errorOutput"), location);
        }

        foreach (string op in (ReadOnlySpan<string>)["??", "?:"])
        {
            if (code.Contains(op))
            {
                _context.Warning(DiagnosticCodes.JsonataNewerThanAws, DiagnosticMessages.JsonataNewerThanAws(op), location);
            }
        }
    }
}
