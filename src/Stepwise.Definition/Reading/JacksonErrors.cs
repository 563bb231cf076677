using System.Globalization;
using System.Text;
using System.Text.Json;
using Stepwise.Definition.Validation;

namespace Stepwise.Definition.Reading;

/// <summary>
/// Describes a JSON syntax error the way AWS does: AWS parses definitions with Jackson and returns Jackson's message
/// as an INVALID_JSON_DESCRIPTION diagnostic whose location is Jackson's source description, e.g.
/// <c>[Source: (String)"not a definition"; line: 1, column: 4]</c>. Stepwise's parser finds the error; this class
/// rebuilds Jackson's wording for the common cases (an unrecognized token, an unexpected character, the end of input
/// inside an object or array).
/// </summary>
internal static class JacksonErrors
{
    // Jackson quotes at most this many characters of the source and notes how many it left out.
    private const int MaxSourceChars = 500;
    private const string ValueExpected = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    public static Diagnostic Describe(string text)
    {
        int index = FindErrorIndex(text);
        string message;
        int end;
        if (index >= text.Length)
        {
            end = text.Length;
            message = DescribeEndOfInput(text);
        }
        else if (IsTokenChar(text[index]))
        {
            int start = index;
            while (start > 0 && IsTokenChar(text[start - 1]))
            {
                start--;
            }

            end = index;
            while (end < text.Length && IsTokenChar(text[end]))
            {
                end++;
            }

            message = $"Unrecognized token '{text[start..end]}': was expecting {ValueExpected}";
        }
        else
        {
            char c = text[index];
            end = index + 1;
            message = $"Unexpected character ('{c}' (code {((int)c).ToString(CultureInfo.InvariantCulture)})): {Expectation(text, index)}";
        }

        string location = SourceDescription(text, end);
        return new Diagnostic(DiagnosticCodes.InvalidJsonDescription, message + "\n at " + location, location, DiagnosticSeverity.Error);
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>The character index where System.Text.Json gives up, or the text length for a premature end.</summary>
    private static int FindErrorIndex(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
            }

            return text.Length;
        }
        catch (JsonException e)
        {
            return CharIndex(text, (int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
        }
    }

    private static int CharIndex(string text, int line, int bytePosition)
    {
        int index = 0;
        for (int l = 0; l < line && index < text.Length; index++)
        {
            if (text[index] == '\n')
            {
                l++;
            }
        }

        int bytes = 0;
        while (index < text.Length && text[index] != '\n' && bytes < bytePosition)
        {
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(index, char.IsHighSurrogate(text[index]) ? 2 : 1));
            index += char.IsHighSurrogate(text[index]) ? 2 : 1;
        }

        return index;
    }

    /// <summary>What Jackson was waiting for, judged from the containers still open and the last significant character.</summary>
    private static string Expectation(string text, int index)
    {
        var (containers, last) = Scan(text, index);
        char container = containers.Count == 0 ? ' ' : text[containers.Peek()];
        return (container, last) switch
        {
            ('{', '{' or ',') => "was expecting double-quote to start field name",
            ('{', ':') or ('[', '[' or ',') or (' ', ' ') => "expected a valid value " + ValueExpected,
            ('{', _) => "was expecting comma to separate Object entries",
            ('[', _) => "was expecting comma to separate Array entries",
            _ => "expected a valid value " + ValueExpected,
        };
    }

    private static string DescribeEndOfInput(string text)
    {
        var (containers, _) = Scan(text, text.Length);
        if (containers.Count == 0)
        {
            return "No content to map due to end-of-input";
        }

        int start = containers.Peek();
        string kind = text[start] == '{' ? "Object" : "Array";
        return $"Unexpected end-of-input: expected close marker for {kind} (start marker at {SourceDescription(text, start)})";
    }

    /// <summary>The open containers (their start indexes) and the last structural or value character before <paramref name="limit"/>.</summary>
    private static (Stack<int> Containers, char Last) Scan(string text, int limit)
    {
        var containers = new Stack<int>();
        char last = ' ';
        bool inString = false;
        for (int i = 0; i < limit && i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    last = '"';
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    containers.Push(i);
                    last = c;
                    break;
                case '}' or ']':
                    if (containers.Count != 0)
                    {
                        containers.Pop();
                    }

                    last = c;
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        last = c;
                    }

                    break;
            }
        }

        return (containers, last);
    }

    /// <summary>Jackson's <c>[Source: (String)"..."; line: L, column: C]</c> for the character index <paramref name="index"/>.</summary>
    private static string SourceDescription(string text, int index)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        int column = index - lineStart + 1;
        var source = new StringBuilder("[Source: (String)\"");
        if (text.Length > MaxSourceChars)
        {
            source.Append(text, 0, MaxSourceChars).Append("\"[truncated ")
                .Append((text.Length - MaxSourceChars).ToString(CultureInfo.InvariantCulture)).Append(" chars]");
        }
        else
        {
            source.Append(text).Append('"');
        }

        return source.Append("; line: ").Append(line.ToString(CultureInfo.InvariantCulture))
            .Append(", column: ").Append(column.ToString(CultureInfo.InvariantCulture)).Append(']').ToString();
    }
}
