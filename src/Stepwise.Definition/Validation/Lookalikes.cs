using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>
/// Recognizes literal values that look like something evaluated (a path, an intrinsic call), for AWS's warnings about
/// a forgotten <c>.$</c> or <c>Path</c> suffix. Deliberately narrow: a warning on ordinary text is noise.
/// </summary>
internal static class Lookalikes
{
    public static bool IsPathLike(string text) =>
        text == "$" || text.StartsWith("$.", StringComparison.Ordinal) || text.StartsWith("$$.", StringComparison.Ordinal) || text.StartsWith("$[", StringComparison.Ordinal);

    public static bool IsIntrinsicLike(string text) =>
        text.StartsWith("States.", StringComparison.Ordinal) && text.EndsWith(')') && text.Contains('(', StringComparison.Ordinal);

    /// <summary>The keys, at any depth, of plain (no <c>.$</c>) fields whose string value looks like a path or a call.</summary>
    public static void CollectNoDollarKeys(JsonValue value, List<string> keys)
    {
        switch (value)
        {
            case JsonObject obj:
                for (int i = 0; i < obj.Count; i++)
                {
                    var (key, item) = obj[i];
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (item is JsonString { Value: var text } && (IsPathLike(text) || IsIntrinsicLike(text)))
                    {
                        keys.Add(key);
                    }
                    else
                    {
                        CollectNoDollarKeys(item, keys);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectNoDollarKeys(item, keys);
                }

                break;
        }
    }

    /// <summary>True when a Pass Result holds a <c>"x.$"</c> key or a path-looking string anywhere.</summary>
    public static bool HasDynamicLookalike(JsonValue value)
    {
        switch (value)
        {
            case JsonString { Value: var text }:
                return IsPathLike(text);
            case JsonObject obj:
                for (int i = 0; i < obj.Count; i++)
                {
                    var (key, item) = obj[i];
                    if (key.EndsWith(".$", StringComparison.Ordinal) || HasDynamicLookalike(item))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (HasDynamicLookalike(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
