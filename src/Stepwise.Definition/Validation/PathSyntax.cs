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

    public static bool IsResultPath(string text) => ResultPath.TryParse(text, out _, out _);

    /// <summary>
    /// An RFC 3339 date-time. The offset is mandatory (AWS rejects <c>2016-12-05T21:29:29</c>, recorded); it is
    /// checked here as well because .NET's offset specifier also accepts a missing offset.
    /// </summary>
    public static bool IsTimestamp(string text) =>
        AslTimestamp.TryParse(text, out _) && HasOffset(text);

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    /// <summary>
    /// One message per <c>"x.$"</c> entry of <paramref name="template"/> that does not compile. A string that is no
    /// path and no intrinsic call gets AWS's recorded text; a value that is not a string keeps the compiler's text.
    /// </summary>
    public static List<string> TemplateErrors(JsonValue template)
    {
        var messages = new List<string>();
        if (PayloadTemplate.TryCompile(template, out _, out var errors))
        {
            return messages;
        }

        foreach (var error in errors)
        {
            string key = LastToken(error.Pointer);
            messages.Add(JsonPointer.Resolve(template, error.Pointer) is JsonString or null
                ? DiagnosticMessages.TemplatePath(key)
                : error.Message.TrimEnd('.'));
        }

        return messages;
    }

    private static string LastToken(string pointer)
    {
        int slash = pointer.LastIndexOf('/');
        string token = slash < 0 ? pointer : pointer[(slash + 1)..];
        return token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }
}
