using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary>
/// Parses the inside of <c>[?( ... )]</c> with Jayway's filter grammar:
/// <c>or := and ('||' and)*</c>, <c>and := unary ('&amp;&amp;' unary)*</c>, <c>unary := '!' unary | '(' or ')' | relation</c>,
/// <c>relation := operand (operator operand)?</c> where a lone operand must be a path (an existence test).
/// </summary>
internal ref struct FilterParser
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromSeconds(1);

    private readonly string _text;
    private int _position;
    private string? _error;

    private FilterParser(string text, int position)
    {
        _text = text;
        _position = position;
        _error = null;
    }

    /// <summary>
    /// Parses a filter expression starting at <paramref name="position"/> (just after <c>?(</c>); on success
    /// <paramref name="position"/> is at the filter's closing parenthesis.
    /// </summary>
    public static bool TryParse(string text, ref int position, [NotNullWhen(true)] out FilterExpression? expression, [NotNullWhen(false)] out string? error)
    {
        var parser = new FilterParser(text, position);
        expression = parser.ParseOr();
        if (expression is not null)
        {
            parser.SkipBlanks();
            if (parser._position >= text.Length || text[parser._position] != ')')
            {
                expression = null;
                parser.Fail($"Unexpected text at position {parser._position} in the filter of the path '{text}'.");
            }
        }

        position = parser._position;
        error = parser._error;
        return expression is not null;
    }

    private FilterExpression? ParseOr()
    {
        FilterExpression? left = ParseAnd();
        while (left is not null && TryConsume("||"))
        {
            FilterExpression? right = ParseAnd();
            left = right is null ? null : new LogicalExpression(left, isAnd: false, right);
        }

        return left;
    }

    private FilterExpression? ParseAnd()
    {
        FilterExpression? left = ParseUnary();
        while (left is not null && TryConsume("&&"))
        {
            FilterExpression? right = ParseUnary();
            left = right is null ? null : new LogicalExpression(left, isAnd: true, right);
        }

        return left;
    }

    private FilterExpression? ParseUnary()
    {
        SkipBlanks();
        if (Peek() == '!' && Peek(1) != '=')
        {
            _position++;
            FilterExpression? inner = ParseUnary();
            return inner is null ? null : new NotExpression(inner);
        }

        if (Peek() == '(')
        {
            _position++;
            FilterExpression? inner = ParseOr();
            if (inner is null)
            {
                return null;
            }

            SkipBlanks();
            if (Peek() != ')')
            {
                return Fail($"Expected ')' at position {_position} in the filter of the path '{_text}'.");
            }

            _position++;
            return inner;
        }

        return ParseRelation();
    }

    private FilterExpression? ParseRelation()
    {
        FilterOperand? left = ParseOperand(allowRegex: false);
        if (left is null)
        {
            return null;
        }

        SkipBlanks();
        FilterOperator? op = ReadOperator();
        if (op is null)
        {
            if (_error is not null)
            {
                return null;
            }

            if (left is PathOperand path)
            {
                return new ExistsExpression(path);
            }

            return Fail($"Expected an operator after the literal at position {_position} in the filter of the path '{_text}'.");
        }

        SkipBlanks();
        FilterOperand? right = ParseOperand(allowRegex: op == FilterOperator.Matches);
        if (right is null)
        {
            return null;
        }

        if (op == FilterOperator.Matches && right is not RegexOperand)
        {
            return Fail($"The operator '=~' needs a regular expression /pattern/ in the filter of the path '{_text}'.");
        }

        return new ComparisonExpression(left, op.Value, right);
    }

    private FilterOperator? ReadOperator()
    {
        (string Text, FilterOperator Op)[] symbols =
        [
            ("==", FilterOperator.Equal), ("!=", FilterOperator.NotEqual), ("<=", FilterOperator.LessOrEqual),
            (">=", FilterOperator.GreaterOrEqual), ("=~", FilterOperator.Matches), ("<", FilterOperator.Less),
            (">", FilterOperator.Greater),
        ];
        foreach ((string text, FilterOperator op) in symbols)
        {
            if (string.CompareOrdinal(_text, _position, text, 0, text.Length) == 0)
            {
                _position += text.Length;
                return op;
            }
        }

        int start = _position;
        while (_position < _text.Length && char.IsAsciiLetter(_text[_position]))
        {
            _position++;
        }

        string word = _text[start.._position];
        FilterOperator? named = word switch
        {
            "in" => FilterOperator.In,
            "nin" => FilterOperator.NotIn,
            "subsetof" => FilterOperator.SubsetOf,
            "anyof" => FilterOperator.AnyOf,
            "noneof" => FilterOperator.NoneOf,
            "size" => FilterOperator.Size,
            "empty" => FilterOperator.Empty,
            "contains" => FilterOperator.Contains,
            _ => null,
        };
        if (named is null && word.Length > 0)
        {
            _position = start;
            Fail($"Unknown operator '{word}' at position {start} in the filter of the path '{_text}'.");
        }

        return named;
    }

    private FilterOperand? ParseOperand(bool allowRegex)
    {
        SkipBlanks();
        char c = Peek();
        switch (c)
        {
            case '@' or '$':
                _position++;
                if (!PathParser.TryParseEmbedded(_text, ref _position, out PathToken[]? tokens, out string? error))
                {
                    return FailOperand(error);
                }

                return new PathOperand(fromRoot: c == '$', tokens);
            case '\'' or '"':
                return ParseString();
            case '[' or '{':
                return ParseJsonLiteral();
            case '/' when allowRegex:
                return ParseRegex();
            default:
                if (c == '-' || char.IsAsciiDigit(c))
                {
                    return ParseNumber();
                }

                foreach ((string word, JsonValue value) in (ReadOnlySpan<(string, JsonValue)>)[("true", JsonValue.True), ("false", JsonValue.False), ("null", JsonValue.Null)])
                {
                    if (string.CompareOrdinal(_text, _position, word, 0, word.Length) == 0)
                    {
                        _position += word.Length;
                        return new LiteralOperand(value);
                    }
                }

                return FailOperand($"Expected a path, a literal or '(' at position {_position} in the filter of the path '{_text}'.");
        }
    }

    private FilterOperand? ParseString()
    {
        char quote = _text[_position];
        int start = _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '\\' && _position < _text.Length)
            {
                builder.Append(_text[_position++]);
                continue;
            }

            if (c == quote)
            {
                return new LiteralOperand(new JsonString(builder.ToString()));
            }

            builder.Append(c);
        }

        return FailOperand($"The string starting at position {start} in the filter of the path '{_text}' is not closed.");
    }

    private FilterOperand? ParseNumber()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] is '.' or 'e' or 'E' or '+' or '-'))
        {
            _position++;
        }

        ReadOnlySpan<char> literal = _text.AsSpan(start, _position - start);
        if (!JsonValue.TryParse(literal.ToString(), out JsonValue? number, out _) || number is not JsonNumber)
        {
            return FailOperand($"The number '{literal.ToString()}' at position {start} in the filter of the path '{_text}' is invalid.");
        }

        return new LiteralOperand(number);
    }

    // A JSON array or object literal; Jayway also accepts single-quoted strings inside it.
    private FilterOperand? ParseJsonLiteral()
    {
        int start = _position;
        int depth = 0;
        var json = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c is '\'' or '"')
            {
                json.Append('"');
                while (_position < _text.Length && _text[_position] != c)
                {
                    char inner = _text[_position++];
                    if (inner == '\\' && _position < _text.Length)
                    {
                        json.Append(inner).Append(_text[_position++]);
                    }
                    else if (inner == '"')
                    {
                        json.Append("\\\"");
                    }
                    else
                    {
                        json.Append(inner);
                    }
                }

                _position++;
                json.Append('"');
                continue;
            }

            json.Append(c);
            if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}' && --depth == 0)
            {
                if (!JsonValue.TryParse(json.ToString(), out JsonValue? value, out string? error))
                {
                    return FailOperand($"The JSON literal at position {start} in the filter of the path '{_text}' is invalid: {error}");
                }

                return new LiteralOperand(value);
            }
        }

        return FailOperand($"The JSON literal at position {start} in the filter of the path '{_text}' is not closed.");
    }

    private FilterOperand? ParseRegex()
    {
        int start = _position++;
        var pattern = new StringBuilder();
        while (_position < _text.Length && _text[_position] != '/')
        {
            if (_text[_position] == '\\' && _position + 1 < _text.Length)
            {
                pattern.Append(_text[_position++]);
            }

            pattern.Append(_text[_position++]);
        }

        if (_position >= _text.Length)
        {
            return FailOperand($"The regular expression at position {start} in the filter of the path '{_text}' is not closed.");
        }

        _position++;
        var options = RegexOptions.CultureInvariant;
        while (_position < _text.Length && char.IsAsciiLetterLower(_text[_position]))
        {
            options |= _text[_position++] switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => RegexOptions.None,
            };
        }

        try
        {
            // Jayway matches the whole string (Java's Matcher.matches), hence the anchors.
            return new RegexOperand(new Regex("^(?:" + pattern + ")$", options, s_regexTimeout));
        }
        catch (ArgumentException e)
        {
            return FailOperand($"The regular expression at position {start} in the filter of the path '{_text}' is invalid: {e.Message}");
        }
    }

    private bool TryConsume(string symbol)
    {
        SkipBlanks();
        if (string.CompareOrdinal(_text, _position, symbol, 0, symbol.Length) == 0)
        {
            _position += symbol.Length;
            return true;
        }

        return false;
    }

    private readonly char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private void SkipBlanks()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private FilterExpression? Fail(string message)
    {
        _error ??= message;
        return null;
    }

    private FilterOperand? FailOperand(string message)
    {
        _error ??= message;
        return null;
    }
}
