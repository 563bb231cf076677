using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>Wait and Fail states (Pass has nothing beyond the shared data fields).</summary>
internal sealed partial class DefinitionWalker
{
    /// <summary>Exactly one of Seconds, Timestamp, SecondsPath and TimestampPath.</summary>
    private void WalkWait(JsonObject state, QueryLanguage language, string location)
    {
        int count = 0;
        foreach (var (field, value) in state)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "Seconds":
                    count++;
                    CheckInteger(value, field, fieldLocation, minimum: 0, maximum: 99999999, allowExpression: language == QueryLanguage.Jsonata);
                    break;
                case "Timestamp":
                    count++;
                    // A JSONata expression is only an expression in a JSONata state; in a JSONPath state it is a
                    // string that is not a timestamp (recorded).
                    if (language == QueryLanguage.Jsonata && IsExpression(value))
                    {
                        break;
                    }

                    if (ExpectString(value, field, fieldLocation) && !PathSyntax.IsTimestamp(value.AsString()))
                    {
                        _context.Schema(DiagnosticMessages.Rfc3339, fieldLocation);
                    }

                    break;
                case "SecondsPath" or "TimestampPath":
                    count++;
                    if (language == QueryLanguage.JsonPath)
                    {
                        CheckReferencePath(value, field, fieldLocation);
                    }

                    break;
            }
        }

        if (count != 1)
        {
            _context.Schema(DiagnosticMessages.ExactlyOne(language == QueryLanguage.Jsonata ? "Seconds, Timestamp" : "Seconds, Timestamp, SecondsPath, TimestampPath"), location);
        }
    }

    /// <summary>Error and Cause are strings (or expressions); their Path forms take a path or an intrinsic call.</summary>
    private void WalkFail(JsonObject state, QueryLanguage language, string location)
    {
        foreach (string field in (ReadOnlySpan<string>)["Error", "Cause"])
        {
            string pathField = field + "Path";
            bool hasPath = state.TryGetValue(pathField, out var path);
            if (state.TryGetValue(field, out var value))
            {
                if (ExpectString(value, field, Location.Field(location, field)) && language == QueryLanguage.JsonPath && Lookalikes.IsPathLike(value.AsString()))
                {
                    _context.Warning(DiagnosticCodes.NoPath, DiagnosticMessages.NoPath(field), Location.Field(location, field));
                }

                if (hasPath)
                {
                    _context.Schema(DiagnosticMessages.Exclusive(field, pathField), location);
                }
            }

            if (hasPath && language == QueryLanguage.JsonPath)
            {
                // ErrorPath and CausePath accept intrinsic functions too, exactly like a template's "x.$" value.
                var template = JsonObject.Create((pathField + ".$", path!));
                if (path is not JsonString || PathSyntax.TemplateErrors(template).Count != 0)
                {
                    _context.Schema(DiagnosticMessages.TemplatePath(pathField), Location.Field(location, pathField));
                }
            }
        }
    }
}
