using System.Text;
using Stepwise.Json;

namespace Stepwise.Definition.Diagrams;

/// <summary>
/// A Choice rule as a short edge label: <c>$.total &gt; 100</c>, <c>$.tier == "gold" &amp;&amp; $.total &gt;= 100</c>, or a
/// JSONata <c>Condition</c> without its <c>{% %}</c>. The console writes the same labels (web/console/src/graph/choiceLabel.ts).
/// </summary>
internal static class ChoiceRuleText
{
    public static string Label(JsonObject rule)
    {
        if (rule["Condition"] is { } condition)
        {
            return condition.IsString ? StripTemplate(condition.AsString()) : condition.ToJsonString();
        }

        if (rule["And"] is JsonArray and)
        {
            return Join(and, " && ");
        }

        if (rule["Or"] is JsonArray or)
        {
            return Join(or, " || ");
        }

        if (rule["Not"] is JsonObject not)
        {
            return $"!({Label(not)})";
        }

        string variable = rule["Variable"] is { IsString: true } v ? v.AsString() : "?";
        foreach (var (key, value) in rule)
        {
            if (TypeTest(key) is { } test)
            {
                return value.Kind == JsonValueKind.False ? $"{variable} is not {test}" : $"{variable} is {test}";
            }

            if (key == "StringMatches")
            {
                return $"{variable} matches {value.ToJsonString()}";
            }

            if (Comparison(key) is { } op)
            {
                string right = key.EndsWith("Path", StringComparison.Ordinal) && value.IsString ? value.AsString() : value.ToJsonString();
                return $"{variable} {op} {right}";
            }
        }

        return variable;
    }

    private static string Join(JsonArray rules, string separator)
    {
        var text = new StringBuilder();
        for (int i = 0; i < rules.Count; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }

            if (rules[i] is JsonObject inner)
            {
                bool group = inner.ContainsKey("And") || inner.ContainsKey("Or");
                text.Append(group ? "(" : "").Append(Label(inner)).Append(group ? ")" : "");
            }
        }

        return text.ToString();
    }

    private static string? TypeTest(string key) => key switch
    {
        "IsNull" => "null",
        "IsPresent" => "present",
        "IsNumeric" => "numeric",
        "IsString" => "string",
        "IsBoolean" => "boolean",
        "IsTimestamp" => "timestamp",
        _ => null,
    };

    /// <summary>The operator of a comparison key (<c>NumericGreaterThanEqualsPath</c> → <c>&gt;=</c>).</summary>
    private static string? Comparison(string key)
    {
        string rest = key.EndsWith("Path", StringComparison.Ordinal) ? key[..^4] : key;
        foreach (string type in (ReadOnlySpan<string>)["String", "Numeric", "Boolean", "Timestamp"])
        {
            if (rest.StartsWith(type, StringComparison.Ordinal))
            {
                return rest[type.Length..] switch
                {
                    "Equals" => "==",
                    "LessThan" => "<",
                    "GreaterThan" => ">",
                    "LessThanEquals" => "<=",
                    "GreaterThanEquals" => ">=",
                    _ => null,
                };
            }
        }

        return null;
    }

    private static string StripTemplate(string text)
    {
        string trimmed = text.Trim();
        return trimmed.StartsWith("{%", StringComparison.Ordinal) && trimmed.EndsWith("%}", StringComparison.Ordinal)
            ? trimmed[2..^2].Trim()
            : text;
    }
}
