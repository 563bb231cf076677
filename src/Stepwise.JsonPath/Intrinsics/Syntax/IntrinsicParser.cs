using System.Diagnostics.CodeAnalysis;
using System.Text;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Syntax;

/// <summary>
/// Parses <c>States.Name(arg, ...)</c>. Arguments are string literals in single quotes (escapes <c>\'</c>,
/// <c>\{</c>, <c>\}</c>, <c>\\</c> only: AWS rejects any other backslash, e.g. <c>\"</c>, at definition time,
/// test_illegal_escapes_ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION*), JSON numbers, <c>true</c>, <c>false</c>,
/// <c>null</c>, paths starting with <c>$</c>, and nested calls. Function names are case-sensitive. Argument counts are
/// not checked here: AWS accepts a definition with a wrong count and fails the call when it runs.
/// </summary>
internal sealed class IntrinsicParser
{
    private const string Prefix = "States.";

    // Guards the recursion on pathological input; real definitions nest a handful of calls.
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private string? _error;

    private IntrinsicParser(string text) => _text = text;

    /// <summary>Parses a whole call; on failure, <paramref name="error"/> says what is wrong and where.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CallExpression? call, [NotNullWhen(false)] out string? error)
    {
        var parser = new IntrinsicParser(text);
        call = parser.ParseCall(depth: 1);
        if (call is not null)
        {
            parser.SkipWhitespace();
            if (parser._position < text.Length)
            {
                parser.Fail($"Unexpected '{text[parser._position]}' after the end of the call");
                call = null;
            }
        }

        error = parser._error;
        return call is not null;
    }

    private CallExpression? ParseCall(int depth)
    {
        int start = _position;
        if (depth > MaxDepth)
        {
            return Fail<CallExpression>($"Intrinsic function calls are nested more than {MaxDepth} deep");
        }

        if (string.CompareOrdinal(_text, _position, Prefix, 0, Prefix.Length) != 0)
        {
            return Fail<CallExpression>("An intrinsic function call must start with 'States.'");
        }

        _position += Prefix.Length;
        while (_position < _text.Length && char.IsAsciiLetterOrDigit(_text[_position]))
        {
            _position++;
        }

        string name = _text[start.._position];
        if (!IntrinsicSignatures.TryFind(name, out IntrinsicSignature signature))
        {
            _position = start;
            return Fail<CallExpression>($"'{name}' is not an intrinsic function{SuggestName(name)}");
        }

        SkipWhitespace();
        if (!TryConsume('('))
        {
            return Fail<CallExpression>($"Expected '(' after '{name}'");
        }

        var arguments = new List<IntrinsicExpression>();
        SkipWhitespace();
        if (!TryConsume(')'))
        {
            while (true)
            {
                SkipWhitespace();
                IntrinsicExpression? argument = ParseArgument(depth);
                if (argument is null)
                {
                    return null;
                }

                arguments.Add(argument);
                SkipWhitespace();
                if (TryConsume(')'))
                {
                    break;
                }

                if (!TryConsume(','))
                {
                    return Fail<CallExpression>(_position < _text.Length ? $"Expected ',' or ')' in the arguments of '{name}'" : $"Missing ')' to close '{name}('");
                }
            }
        }

        return new CallExpression(signature.Function, arguments.ToArray());
    }

    private IntrinsicExpression? ParseArgument(int depth)
    {
        if (_position >= _text.Length)
        {
            return Fail<IntrinsicExpression>("Expected an argument but the text ends");
        }

        char c = _text[_position];
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '$')
        {
            return ParsePath();
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseNumber();
        }

        if (string.CompareOrdinal(_text, _position, Prefix, 0, Prefix.Length) == 0)
        {
            return ParseCall(depth + 1);
        }

        int start = _position;
        while (_position < _text.Length && char.IsAsciiLetterOrDigit(_text[_position]))
        {
            _position++;
        }

        switch (_text.AsSpan(start, _position - start))
        {
            case "true":
                return new LiteralExpression(JsonValue.True);
            case "false":
                return new LiteralExpression(JsonValue.False);
            case "null":
                return new LiteralExpression(JsonValue.Null);
            default:
                _position = start;
                return Fail<IntrinsicExpression>(
                    "Expected an argument (a 'string', a number, true, false, null, a path starting with '$' or a States.* call)");
        }
    }

    private LiteralExpression? ParseString()
    {
        int start = _position;
        _position++;
        var value = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\'')
            {
                string raw = _text[(start + 1).._position];
                _position++;
                return new LiteralExpression(new JsonString(value.ToString()), raw);
            }

            if (c == '\\')
            {
                if (_position + 1 >= _text.Length || _text[_position + 1] is not ('\'' or '{' or '}' or '\\'))
                {
                    return Fail<LiteralExpression>(
                        "Invalid escape sequence in a string literal: only \\', \\{, \\} and \\\\ are allowed");
                }

                value.Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            value.Append(c);
            _position++;
        }

        _position = start;
        return Fail<LiteralExpression>("Unterminated string literal");
    }

    private LiteralExpression? ParseNumber()
    {
        // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
        int start = _position;
        TryConsume('-');
        if (!TryConsume('0') && SkipDigits() == 0)
        {
            return FailNumber(start);
        }

        if (TryConsume('.') && SkipDigits() == 0)
        {
            return FailNumber(start);
        }

        if (TryConsume('e') || TryConsume('E'))
        {
            if (!TryConsume('+'))
            {
                TryConsume('-');
            }

            if (SkipDigits() == 0)
            {
                return FailNumber(start);
            }
        }

        if (_position < _text.Length && !IsArgumentEnd(_text[_position]))
        {
            return FailNumber(start);
        }

        ReadOnlySpan<char> literal = _text.AsSpan(start, _position - start);
        if (!double.IsFinite(double.Parse(literal, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)))
        {
            _position = start;
            return Fail<LiteralExpression>($"The number '{literal}' is out of range");
        }

        return new LiteralExpression(JsonNumber.FromLiteral(literal));
    }

    private PathExpression? ParsePath()
    {
        // A path runs to the ',' or ')' that ends the argument; brackets may hold either (filters, quoted names).
        int start = _position;
        int brackets = 0;
        char quote = '\0';
        for (; _position < _text.Length; _position++)
        {
            char c = _text[_position];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    _position++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (brackets > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                brackets++;
            }
            else if (c == ']')
            {
                brackets--;
            }
            else if (brackets == 0 && c is ',' or ')')
            {
                break;
            }
        }

        string text = _text[start.._position].TrimEnd();
        if (!AslPath.TryParse(text, out AslPath? path, out string? error))
        {
            _position = start;
            return Fail<PathExpression>($"Invalid path '{text}': {error}");
        }

        return new PathExpression(path);
    }

    private int SkipDigits()
    {
        int start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return _position - start;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private bool TryConsume(char expected)
    {
        if (_position < _text.Length && _text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private static bool IsArgumentEnd(char c) => c is ',' or ')' or ' ' or '\t' or '\r' or '\n';

    private LiteralExpression? FailNumber(int start)
    {
        int end = _position;
        while (end < _text.Length && !IsArgumentEnd(_text[end]))
        {
            end++;
        }

        string number = _text[start..end];
        _position = start;
        return Fail<LiteralExpression>($"Invalid number '{number}'");
    }

    private static string SuggestName(string name)
    {
        foreach (IntrinsicFunction function in Enum.GetValues<IntrinsicFunction>())
        {
            string known = IntrinsicSignatures.Of(function).Name;
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return $" (names are case-sensitive: did you mean '{known}'?)";
            }
        }

        return "";
    }

    private T? Fail<T>(string message)
        where T : class
    {
        Fail(message);
        return null;
    }

    private void Fail(string message) => _error ??= $"{message} at position {_position} of '{_text}'.";
}
