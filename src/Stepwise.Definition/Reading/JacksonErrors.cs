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
        var (message, end) = Explain(text);
        return Diagnose(text, message, end);
    }

    /// <summary>Jackson's message alone, without the source location (what AWS quotes for a bad execution input).</summary>
    public static string Message(string text) => Explain(text).Message;

    /// <summary>Jackson's message for the first syntax error and the character index Jackson reports it at.</summary>
    private static (string Message, int End) Explain(string text)
    {
        int index = FindErrorIndex(text);
        if (index >= text.Length)
        {
            return (DescribeEndOfInput(text, Scan(text, text.Length)), text.Length);
        }

        // A bare word where a value belongs is one token for Jackson, however far inside it the parser gave up.
        int start = index;
        while (start > 0 && IsWordChar(text[start - 1]))
        {
            start--;
        }

        var scan = Scan(text, start);
        if (scan.Expecting == Expecting.Value && IsWordChar(text[start]))
        {
            int end = start;
            while (end < text.Length && IsTokenChar(text[end]))
            {
                end++;
            }

            return ($"Unrecognized token '{text[start..end]}': was expecting {ValueExpected}", end);
        }

        char c = text[index];
        string expectation = Expectation(text, Scan(text, index));
        return ($"Unexpected character ('{c}' (code {((int)c).ToString(CultureInfo.InvariantCulture)})): {expectation}", index + 1);
    }

    /// <summary>The diagnostic for a message whose position is the character index <paramref name="end"/>.</summary>
    private static Diagnostic Diagnose(string text, string message, int end)
    {
        string location = SourceDescription(text, end);
        return new Diagnostic(DiagnosticCodes.InvalidJsonDescription, message + "\n at " + location, location, DiagnosticSeverity.Error);
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is '_' or '$';

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

    /// <summary>What Jackson was waiting for when it met an unexpected character.</summary>
    private static string Expectation(string text, ScanResult scan) => scan.Expecting switch
    {
        Expecting.FieldName => "was expecting double-quote to start field name",
        Expecting.Colon => "was expecting a colon to separate field name and value",
        Expecting.Separator when scan.Containers.Count != 0 && text[scan.Containers.Peek()] == '{' => "was expecting comma to separate Object entries",
        Expecting.Separator when scan.Containers.Count != 0 => "was expecting comma to separate Array entries",
        _ => "expected a valid value " + ValueExpected,
    };

    private static string DescribeEndOfInput(string text, ScanResult scan)
    {
        if (scan.Containers.Count == 0)
        {
            return "No content to map due to end-of-input";
        }

        int start = scan.Containers.Peek();
        string kind = text[start] == '{' ? "Object" : "Array";
        return $"Unexpected end-of-input: expected close marker for {kind} (start marker at {SourceDescription(text, start)})";
    }

    /// <summary>
    /// Replays the text up to <paramref name="limit"/> with a minimal JSON state machine: which containers are open
    /// (their start indexes) and what the grammar expects next.
    /// </summary>
    private static ScanResult Scan(string text, int limit)
    {
        var containers = new Stack<int>();
        var expecting = Expecting.Value;
        bool inString = false, stringIsKey = false;
        for (int i = 0; i < limit; i++)
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
                    expecting = stringIsKey ? Expecting.Colon : Expecting.Separator;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    stringIsKey = expecting == Expecting.FieldName;
                    break;
                case '{':
                    containers.Push(i);
                    expecting = Expecting.FieldName;
                    break;
                case '[':
                    containers.Push(i);
                    expecting = Expecting.Value;
                    break;
                case '}' or ']':
                    if (containers.Count != 0)
                    {
                        containers.Pop();
                    }

                    expecting = Expecting.Separator;
                    break;
                case ':':
                    expecting = Expecting.Value;
                    break;
                case ',':
                    expecting = containers.Count != 0 && text[containers.Peek()] == '{' ? Expecting.FieldName : Expecting.Value;
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        expecting = Expecting.Separator;
                    }

                    break;
            }
        }

        return new ScanResult(containers, expecting);
    }

    private readonly record struct ScanResult(Stack<int> Containers, Expecting Expecting);

    private enum Expecting
    {
        Value,
        FieldName,
        Colon,
        Separator,
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
