using System.Globalization;
using System.Text;
using Stepwise.Json;

namespace Stepwise.Jsonata.Parsing;

/// <summary>
/// Splits an expression into tokens the way jsonata-js's tokenizer does. A <c>/</c> starts a regex literal only where
/// an operand is expected (the parser says so through <c>infix</c>), otherwise it is division.
/// </summary>
internal sealed class Lexer(string source)
{
    private readonly string _source = source;
    private int _position;

    public int Position
    {
        get => _position;
        set => _position = value;
    }

    public string Source => _source;

    /// <summary>Whether <paramref name="c"/> is a single-character operator, which also ends a name.</summary>
    public static bool IsOperatorChar(char c) => c switch
    {
        '.' or '[' or ']' or '{' or '}' or '(' or ')' or ',' or '@' or '#' or ';' or ':' or '?' or '+' or '-' or '*'
            or '/' or '%' or '|' or '=' or '<' or '>' or '^' or '&' or '!' or '~' => true,
        _ => false,
    };

    public Token Next(bool infix)
    {
        string s = _source;
        int length = s.Length;
        while (true)
        {
            while (_position < length && IsWhitespace(s[_position]))
            {
                _position++;
            }

            if (_position + 1 < length && s[_position] == '/' && s[_position + 1] == '*')
            {
                int start = _position;
                int end = s.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonataException("S0106", "Comment has no closing tag", start);
                }

                _position = end + 2;
                continue;
            }

            break;
        }

        if (_position >= length)
        {
            return new Token(TokenType.End, "(end)", length);
        }

        char c = s[_position];
        if (!infix && c == '/')
        {
            _position++;
            return ScanRegex();
        }

        if (c == '.' && Peek(1) == '.') { return Op("..", 2); }
        if (c == ':' && Peek(1) == '=') { return Op(":=", 2); }
        if (c == '!' && Peek(1) == '=') { return Op("!=", 2); }
        if (c == '>' && Peek(1) == '=') { return Op(">=", 2); }
        if (c == '<' && Peek(1) == '=') { return Op("<=", 2); }
        if (c == '*' && Peek(1) == '*') { return Op("**", 2); }
        if (c == '~' && Peek(1) == '>') { return Op("~>", 2); }
        if (c == '?' && Peek(1) == ':') { return Op("?:", 2); }
        if (c == '?' && Peek(1) == '?') { return Op("??", 2); }
        if (IsOperatorChar(c))
        {
            return Op(c.ToString(), 1);
        }

        if (c is '"' or '\'')
        {
            return ScanString(c);
        }

        if (c >= '0' && c <= '9')
        {
            return ScanNumber();
        }

        if (c == '`')
        {
            int end = s.IndexOf('`', _position + 1);
            if (end < 0)
            {
                _position = length;
                throw new JsonataException("S0105", "Quoted property name must be terminated with a backquote (`)", length);
            }

            string name = s.Substring(_position + 1, end - _position - 1);
            _position = end + 1;
            return new Token(TokenType.Name, name, _position);
        }

        int i = _position;
        while (i < length && !IsWhitespace(s[i]) && !IsOperatorChar(s[i]))
        {
            i++;
        }

        if (s[_position] == '$')
        {
            string variable = s.Substring(_position + 1, i - _position - 1);
            _position = i;
            return new Token(TokenType.Variable, variable, _position);
        }

        string word = s.Substring(_position, i - _position);
        _position = i;
        return word switch
        {
            "and" or "or" or "in" => new Token(TokenType.Operator, word, _position),
            "true" => new Token(TokenType.Value, word, _position, JsonValue.True),
            "false" => new Token(TokenType.Value, word, _position, JsonValue.False),
            "null" => new Token(TokenType.Value, word, _position, JsonValue.Null),
            _ => new Token(TokenType.Name, word, _position),
        };
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v';

    private char Peek(int offset) => _position + offset < _source.Length ? _source[_position + offset] : '\0';

    private Token Op(string op, int size)
    {
        _position += size;
        return new Token(TokenType.Operator, op, _position);
    }

    private Token ScanString(char quote)
    {
        string s = _source;
        var text = new StringBuilder();
        _position++;
        while (_position < s.Length)
        {
            char c = s[_position];
            if (c == '\\')
            {
                _position++;
                c = _position < s.Length ? s[_position] : '\0';
                switch (c)
                {
                    case '"': text.Append('"'); break;
                    case '\\': text.Append('\\'); break;
                    case '/': text.Append('/'); break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u':
                        if (_position + 4 < s.Length
                            && int.TryParse(s.AsSpan(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            text.Append((char)code);
                            _position += 4;
                            break;
                        }

                        throw new JsonataException("S0104", "The escape sequence \\u must be followed by 4 hex digits", _position);
                    default:
                        throw new JsonataException("S0103", $"Unsupported escape sequence: \\{c}", _position, c.ToString());
                }
            }
            else if (c == quote)
            {
                _position++;
                string value = text.ToString();
                return new Token(TokenType.String, value, _position, new JsonString(value));
            }
            else
            {
                text.Append(c);
            }

            _position++;
        }

        throw new JsonataException("S0101", "String literal must be terminated by a matching quote", _position);
    }

    private Token ScanNumber()
    {
        // ^(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?
        string s = _source;
        int start = _position;
        int i = _position;
        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            i += 2;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < s.Length && s[j] is '+' or '-')
            {
                j++;
            }

            if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                while (j < s.Length && char.IsAsciiDigit(s[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        string literal = s.Substring(start, i - start);
        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new JsonataException("S0102", $"Number out of range: {literal}", start, literal);
        }

        _position = i;
        return new Token(TokenType.Number, literal, _position, JsonNumber.FromDouble(value));
    }

    private Token ScanRegex()
    {
        string s = _source;
        int start = _position;
        int depth = 0;
        bool inClass = false;
        while (_position < s.Length)
        {
            char c = s[_position];
            if (c == '\\')
            {
                _position += 2;
                continue;
            }

            if (c == '[') { inClass = true; }
            else if (c == ']') { inClass = false; }
            else if (!inClass && c == '(') { depth++; }
            else if (!inClass && c == ')') { depth--; }
            else if (c == '/' && !inClass && depth == 0)
            {
                string pattern = s.Substring(start, _position - start);
                if (pattern.Length == 0)
                {
                    throw new JsonataException("S0301", "Empty regular expressions are not allowed", _position);
                }

                _position++;
                int flagsStart = _position;
                while (_position < s.Length && s[_position] is 'g' or 'i' or 'm' or 's' or 'u' or 'y')
                {
                    _position++;
                }

                return new Token(TokenType.Regex, pattern, _position, null, s.Substring(flagsStart, _position - flagsStart));
            }

            _position++;
        }

        throw new JsonataException("S0302", "No terminating / in regular expression", _position);
    }
}
