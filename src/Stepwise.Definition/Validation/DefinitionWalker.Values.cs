using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>Value checks shared by every state: types, ranges, paths, payload templates.</summary>
internal sealed partial class DefinitionWalker
{
    private bool ExpectString(JsonValue value, string field, string location)
    {
        if (value is JsonString)
        {
            return true;
        }

        _context.Schema(DiagnosticMessages.Type(field, "a STRING"), location);
        return false;
    }

    /// <summary>A JSONata expression: a string wrapped in <c>{%</c> and <c>%}</c> (its syntax is not parsed yet).</summary>
    private static bool IsExpression(JsonValue value) =>
        value is JsonString { Value: var text } && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal) && text.Length >= 4;

    /// <summary>An integer field in [minimum, maximum]; JSONata states may give an expression instead.</summary>
    private bool CheckInteger(JsonValue value, string field, string location, long minimum, long maximum, bool allowExpression)
    {
        if (allowExpression && IsExpression(value))
        {
            return true;
        }

        if (value is not JsonNumber number || !number.IsIntegral || !number.TryGetInt64(out long n))
        {
            _context.Schema(DiagnosticMessages.Type(field, "an INTEGER"), location);
            return false;
        }

        if (n < minimum)
        {
            _context.Schema(DiagnosticMessages.Minimum(field, minimum.ToString(CultureInfo.InvariantCulture)), location);
            return false;
        }

        if (n > maximum)
        {
            _context.Schema(DiagnosticMessages.Maximum(field, maximum.ToString(CultureInfo.InvariantCulture)), location);
            return false;
        }

        return true;
    }

    private bool CheckNumber(JsonValue value, string field, string location, double minimum, double maximum, bool allowExpression)
    {
        if (allowExpression && IsExpression(value))
        {
            return true;
        }

        if (value is not JsonNumber number)
        {
            _context.Schema(DiagnosticMessages.Type(field, "a NUMBER"), location);
            return false;
        }

        double d = number.ToDouble();
        if (d < minimum)
        {
            _context.Schema(DiagnosticMessages.Minimum(field, minimum.ToString(CultureInfo.InvariantCulture)), location);
            return false;
        }

        if (d > maximum)
        {
            _context.Schema(DiagnosticMessages.Maximum(field, maximum.ToString(CultureInfo.InvariantCulture)), location);
            return false;
        }

        return true;
    }

    /// <summary>An ASL Path (<c>$</c>, <c>$$</c> or <c>$variable</c> rooted JSONPath).</summary>
    private void CheckPath(JsonValue value, string field, string location, bool allowNull)
    {
        if (allowNull && value.IsNull)
        {
            return;
        }

        if (value is not JsonString path || !PathSyntax.IsPath(path.Value))
        {
            _context.Schema(DiagnosticMessages.Path(field), location);
        }
    }

    /// <summary>
    /// A Reference Path: the *Path fields that read one value (ItemsPath, SecondsPath, MaxConcurrencyPath, ...) cannot
    /// use wildcards, filters, slices or deep scans (spec: "Reference Paths").
    /// </summary>
    private void CheckReferencePath(JsonValue value, string field, string location)
    {
        if (value is not JsonString path || !PathSyntax.IsPath(path.Value))
        {
            _context.Schema(DiagnosticMessages.Path(field), location);
        }
        else if (!PathSyntax.IsReferencePath(path.Value))
        {
            _context.Schema(DiagnosticMessages.ReferencePath(field), location);
        }
    }

    /// <summary>ResultPath: null, or a Reference Path over <c>$</c>.</summary>
    private void CheckResultPath(JsonValue value, string field, string location)
    {
        if (value.IsNull)
        {
            return;
        }

        if (value is not JsonString path || !PathSyntax.IsResultPath(path.Value))
        {
            _context.Schema(DiagnosticMessages.Path(field), location);
        }
    }

    /// <summary>
    /// A payload template (Parameters, ResultSelector, ItemSelector): each <c>"x.$"</c> key must hold a path or an
    /// intrinsic function call. AWS locates the problem at the template field, naming the key in the message.
    /// </summary>
    private void CheckTemplate(JsonValue value, string location)
    {
        foreach (string message in PathSyntax.TemplateErrors(value))
        {
            _context.Schema(message, location);
        }

        var lookalikes = new List<string>();
        Lookalikes.CollectNoDollarKeys(value, lookalikes);
        foreach (string key in lookalikes)
        {
            _context.Warning(DiagnosticCodes.NoDollar, DiagnosticMessages.NoDollar(key), location);
        }
    }

    /// <summary>Assign: an object of variable names; in JSONPath states its <c>"x.$"</c> values follow template rules.</summary>
    private void CheckAssign(JsonValue value, QueryLanguage language, string location)
    {
        if (value is not JsonObject)
        {
            _context.Schema(DiagnosticMessages.Type("Assign", "an OBJECT"), location);
            return;
        }

        if (language == QueryLanguage.JsonPath)
        {
            CheckTemplate(value, location);
        }

        CheckVariableNames((JsonObject)value, language, location);
    }

    /// <summary>
    /// Each Assign key names a variable (in JSONPath states, without its <c>.$</c> suffix): a Unicode identifier of
    /// at most 80 characters, not <c>states</c>, and only once per Assign (<c>"x"</c> and <c>"x.$"</c> collide).
    /// </summary>
    private void CheckVariableNames(JsonObject assign, QueryLanguage language, string location)
    {
        HashSet<string>? seen = assign.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var (key, _) in assign)
        {
            string name = language == QueryLanguage.JsonPath && key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (!VariableNames.IsIdentifier(name))
            {
                _context.Schema(DiagnosticMessages.InvalidVariableName(name), location);
            }
            else if (VariableNames.Length(name) > VariableNames.MaxLength)
            {
                _context.Schema(DiagnosticMessages.VariableNameTooLong(name), location);
            }
            else if (name == VariableNames.Reserved)
            {
                _context.Schema(DiagnosticMessages.ReservedVariableName(name), location);
            }

            if (seen is not null && !seen.Add(name))
            {
                _context.Schema(DiagnosticMessages.DuplicateVariableName(name), location);
            }
        }
    }

    private bool CheckObject(JsonValue value, string field, string location)
    {
        if (value is JsonObject)
        {
            return true;
        }

        _context.Schema(DiagnosticMessages.Type(field, "an OBJECT"), location);
        return false;
    }

    private void CheckEnum(JsonValue value, string field, string location, string values)
    {
        if (value is not JsonString s || !IsOneOf(s.Value, values))
        {
            _context.Schema(DiagnosticMessages.OneOf(field, values), location);
        }
    }

    private static bool IsOneOf(string value, string values)
    {
        foreach (var range in values.AsSpan().Split(", "))
        {
            if (values.AsSpan()[range].SequenceEqual(value))
            {
                return true;
            }
        }

        return false;
    }
}
