using System.Text;

namespace Stepwise.Json;

/// <summary>Small text helpers shared by the layers that print JSON fragments (diagnostics, causes, templates).</summary>
public static class JsonText
{
    /// <summary><paramref name="text"/> as a quoted, escaped JSON string literal.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        JsonWriter.WriteString(text, builder);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> as a quoted, escaped JSON string literal.</summary>
    public static void AppendQuoted(StringBuilder builder, string text) => JsonWriter.WriteString(text, builder);
}
