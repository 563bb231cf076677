using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded;

/// <summary>
/// Compares what Stepwise produced with what AWS recorded, by the corpus README's rules: bindings substituted,
/// key order ignored, numbers by value, a string that is one <c>&lt;token&gt;</c> matches anything, a string with tokens
/// is an anchored pattern, and JSON-text fields are parsed before comparing.
/// </summary>
internal sealed class RecordedComparison(IReadOnlyList<KeyValuePair<string, string>> bindings)
{
    public static RecordedComparison For(JsonObject recordedCase)
    {
        var bindings = new List<KeyValuePair<string, string>>
        {
            new("<partition>", "aws"),
            new("<region>", "us-east-1"),
        };
        if (recordedCase["bindings"] is JsonObject bound)
        {
            foreach (var (token, value) in bound)
            {
                if (value is JsonString text)
                {
                    bindings.Add(new(token, text.Value));
                }
            }
        }

        return new RecordedComparison(bindings);
    }

    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>; otherwise where and how they differ.</summary>
    public string? Compare(JsonValue expected, JsonValue? actual, string where)
    {
        if (actual is null)
        {
            return $"{where}: expected {Show(expected)}, got nothing";
        }

        switch (expected)
        {
            case JsonString text:
                if (IsSingleToken(text.Value))
                {
                    return null;
                }

                if (actual is not JsonString actualText)
                {
                    return $"{where}: expected {Show(expected)}, got {Show(actual)}";
                }

                return Matches(text.Value, actualText.Value) ? null : $"{where}: expected {Show(expected)}, got {Show(actual)}";

            case JsonObject obj:
            {
                if (actual is JsonString json && TryParseJson(json.Value, out var parsed))
                {
                    actual = parsed;
                }

                if (actual is not JsonObject actualObj)
                {
                    return $"{where}: expected an object {Show(expected)}, got {Show(actual)}";
                }

                foreach (var (key, value) in obj)
                {
                    string at = where + "/" + key;
                    if (!actualObj.TryGetValue(key, out var actualValue))
                    {
                        return $"{at}: missing (expected {Show(value)}); got {Show(actual)}";
                    }

                    if (Compare(value, actualValue, at) is { } difference)
                    {
                        return difference;
                    }
                }

                foreach (var (key, value) in actualObj)
                {
                    if (!obj.ContainsKey(key))
                    {
                        return $"{where}/{key}: unexpected {Show(value)}";
                    }
                }

                return null;
            }

            case JsonArray array:
            {
                if (actual is JsonString json && TryParseJson(json.Value, out var parsed))
                {
                    actual = parsed;
                }

                if (actual is not JsonArray actualArray || actualArray.Count != array.Count)
                {
                    return $"{where}: expected {Show(expected)}, got {Show(actual)}";
                }

                for (int i = 0; i < array.Count; i++)
                {
                    if (Compare(array[i], actualArray[i], $"{where}/{i}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            }

            default:
                return JsonValue.DeepEquals(expected, actual) ? null : $"{where}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    /// <summary>Compares text exactly, modulo tokens (used for <c>outputText</c>, where key order matters).</summary>
    public bool Matches(string expected, string actual) => RecordedText.Matches(Bind(expected), actual);

    private string Bind(string text)
    {
        // Not only <tokens>: some bindings are bare words the recorder left unbracketed (activity_arn, sm_nonexistent_arn).
        foreach (var (token, value) in bindings)
        {
            text = text.Replace(token, value, StringComparison.Ordinal);
        }

        return text;
    }

    private bool IsSingleToken(string text) => RecordedText.IsSingleToken(text) && !bindings.Any(b => b.Key == text);

    internal static bool TryParseJson(string text, out JsonValue value)
    {
        if (JsonValue.TryParse(text, out var parsed, out _))
        {
            value = parsed;
            return true;
        }

        value = JsonValue.Null;
        return false;
    }

    private static string Show(JsonValue? value)
    {
        string text = value?.ToJsonString() ?? "nothing";
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
