using System.Text;

namespace Stepwise.Json;

/// <summary>RFC 6901 JSON Pointers, as AWS uses them to locate diagnostics (<c>/States/Choose/Choices/0/Next</c>).</summary>
public static class JsonPointer
{
    /// <summary>The pointer <paramref name="parent"/> extended by one reference token (escaped: <c>~</c>→<c>~0</c>, <c>/</c>→<c>~1</c>).</summary>
    public static string Append(string parent, string token)
    {
        var builder = new StringBuilder(parent.Length + token.Length + 1).Append(parent).Append('/');
        foreach (char c in token)
        {
            switch (c)
            {
                case '~': builder.Append("~0"); break;
                case '/': builder.Append("~1"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The pointer <paramref name="parent"/> extended by an array index.</summary>
    public static string Append(string parent, int index) => string.Concat(parent, "/", index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The value <paramref name="pointer"/> designates in <paramref name="root"/>, or null when there is none.</summary>
    public static JsonValue? Resolve(JsonValue root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }

        if (pointer[0] != '/')
        {
            throw new ArgumentException($"A JSON Pointer starts with '/': {pointer}", nameof(pointer));
        }

        JsonValue? current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            string token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, out int i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
