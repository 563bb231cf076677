using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>
/// The syntax checks the validator borrows from Stepwise.JsonPath: ASL paths, ResultPath, payload templates and RFC
/// 3339 timestamps. One seam, so the validator accepts exactly what the runtime can run.
/// </summary>
internal static class PathSyntax
{
    public static bool IsPath(string text) => text.StartsWith('$');

    public static bool IsResultPath(string text) => text.StartsWith('$');

    public static bool IsTimestamp(string text) => text.Length > 0;

    /// <summary>The keys (last pointer token) of the <c>"x.$"</c> entries that do not compile.</summary>
    public static List<string> TemplateErrors(JsonValue template)
    {
        var keys = new List<string>();
        Collect(template, keys);
        return keys;
    }

    private static void Collect(JsonValue value, List<string> keys)
    {
        switch (value)
        {
            case JsonObject obj:
                for (int i = 0; i < obj.Count; i++)
                {
                    var (key, item) = obj[i];
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        if (item is not JsonString s || !(s.Value.StartsWith('$') || s.Value.StartsWith("States.", StringComparison.Ordinal)))
                        {
                            keys.Add(key);
                        }
                    }
                    else
                    {
                        Collect(item, keys);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, keys);
                }

                break;
        }
    }
}
