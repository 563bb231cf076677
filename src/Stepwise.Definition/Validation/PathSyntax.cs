using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Validation;

/// <summary>
/// The syntax checks the validator borrows from Stepwise.JsonPath (ASL paths, ResultPath, payload templates, RFC 3339
/// timestamps), so a definition passes validation exactly when the runtime can compile it.
/// </summary>
internal static class PathSyntax
{
    public static bool IsPath(string text) => AslPath.TryParse(text, out _, out _);

    /// <summary>A Reference Path: a definite path (names and indexes only) that selects a single value.</summary>
    public static bool IsReferencePath(string text) => AslPath.TryParse(text, out var path, out _) && path.IsReferencePath;

    public static bool IsResultPath(string text) => ResultPath.TryParse(text, out _, out _);

    /// <summary>
    /// An RFC 3339 date-time. The offset is mandatory (AWS rejects <c>2016-12-05T21:29:29</c>, recorded); it is
    /// checked here as well because .NET's offset specifier also accepts a missing offset.
    /// </summary>
    public static bool IsTimestamp(string text) =>
        AslTimestamp.TryParse(TrimFraction(text), out _) && HasOffset(text);

    /// <summary>
    /// AWS accepts any number of fractional digits (nanoseconds, recorded); .NET parses at most seven, and the extra
    /// digits cannot make a valid timestamp invalid, so they are dropped before parsing.
    /// </summary>
    private static string TrimFraction(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        int end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 > 7 ? string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end)) : text;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    /// <summary>
    /// One message per <c>"x.$"</c> entry of <paramref name="template"/> that does not compile, in AWS's wording
    /// (the template compiler phrases its errors as AWS's validator does; the caller adds the location).
    /// </summary>
    public static List<string> TemplateErrors(JsonValue template)
    {
        var messages = new List<string>();
        if (!PayloadTemplate.TryCompile(template, out _, out var errors))
        {
            foreach (var error in errors)
            {
                messages.Add(error.Message);
            }
        }

        return messages;
    }
}
