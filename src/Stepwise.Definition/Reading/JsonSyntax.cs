namespace Stepwise.Definition.Reading;

/// <summary>Describes JSON syntax errors in the words AWS uses (Jackson's), for JSON members other than definitions.</summary>
public static class JsonSyntax
{
    /// <summary>
    /// Jackson's message for the first syntax error in <paramref name="text"/>, without the source location, e.g.
    /// <c>Unexpected character (''' (code 39)): was expecting double-quote to start field name</c>.
    /// Call it for text that failed to parse.
    /// </summary>
    public static string Describe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JacksonErrors.Message(text);
    }
}
