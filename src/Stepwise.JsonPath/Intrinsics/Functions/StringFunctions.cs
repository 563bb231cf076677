using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>States.Format and States.StringSplit.</summary>
internal static class StringFunctions
{
    public static bool TryFormat(JsonValue[] arguments, FormatTemplate? literalTemplate, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        FormatTemplate template;
        if (literalTemplate is not null)
        {
            template = literalTemplate;
        }
        else if (arguments[0] is JsonString text)
        {
            template = FormatTemplate.Parse(text.Value);
        }
        else
        {
            return false;
        }

        // There must be exactly one argument per {}.
        ReadOnlySpan<JsonValue> values = arguments.AsSpan(1);
        if (!template.IsValid || values.Length != template.PlaceholderCount)
        {
            return false;
        }

        result = new JsonString(template.Render(values));
        return true;
    }

    public static bool TrySplit(JsonValue text, JsonValue delimiters, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        if (text is not JsonString source || delimiters is not JsonString separators)
        {
            return false;
        }

        // AWS splits as java.util.StringTokenizer does: every character of the second argument is a delimiter and
        // empty tokens are dropped (",,,," → [], test_string_split__exec3; ".+,=" splits on each of the four,
        // test_string_split__exec5).
        string value = source.Value;
        string set = separators.Value;
        var tokens = new List<JsonValue>();
        int start = -1;
        for (int i = 0; i < value.Length; i++)
        {
            bool isDelimiter = set.Contains(value[i], StringComparison.Ordinal);
            if (isDelimiter && start >= 0)
            {
                tokens.Add(new JsonString(value[start..i]));
                start = -1;
            }
            else if (!isDelimiter && start < 0)
            {
                start = i;
            }
        }

        if (start >= 0)
        {
            tokens.Add(new JsonString(value[start..]));
        }

        result = JsonArray.Create(tokens);
        return true;
    }
}
