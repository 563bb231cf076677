using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Stepwise.JsonPath.Paths;

/// <summary>
/// Parses ASL Paths with the syntax Jayway JsonPath accepts (AWS's Path engine): a root (<c>$</c>, <c>$$</c> or
/// <c>$name</c>) followed by dot names, bracket names, indexes, wildcards, slices, deep scans and filters.
/// One parser serves <c>Parse</c> and <c>TryParse</c>: it reports the first error as a message with its position.
/// </summary>
internal ref struct PathParser
{
    private readonly string _text;
    private readonly bool _embedded;
    private int _position;
    private string? _error;

    private PathParser(string text, int position, bool embedded)
    {
        _text = text;
        _position = position;
        _embedded = embedded;
        _error = null;
    }

    /// <summary>Parses a whole path text.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ParsedPath? parsed, [NotNullWhen(false)] out string? error)
    {
        var parser = new PathParser(text, 0, embedded: false);
        parsed = parser.ParsePath();
        error = parser._error;
        Debug.Assert(parsed is not null || error is not null, "A failed parse always says why.");
        return parsed is not null;
    }

    /// <summary>
    /// Parses the tokens of a path embedded in a filter (after its <c>@</c> or <c>$</c>), from
    /// <paramref name="position"/> up to the first character that cannot continue a path (a blank, an operator, a
    /// parenthesis), which is left at <paramref name="position"/>.
    /// </summary>
    public static bool TryParseEmbedded(string text, ref int position, [NotNullWhen(true)] out PathToken[]? tokens, [NotNullWhen(false)] out string? error)
    {
        var parser = new PathParser(text, position, embedded: true);
        var list = new List<PathToken>();
        tokens = parser.ParseTokens(list) ? list.ToArray() : null;
        error = parser._error;
        position = parser._position;
        return tokens is not null;
    }

    private ParsedPath? ParsePath()
    {
        if (_text.Length == 0)
        {
            return Fail("The path is empty; a path starts with '$'.");
        }

        if (_text[0] != '$')
        {
            return Fail($"The path '{_text}' must start with '$'.");
        }

        PathRoot root;
        string? variable = null;
        _position = 1;
        if (Peek() == '$')
        {
            root = PathRoot.Context;
            _position = 2;
        }
        else if (IsNameStart(Peek()))
        {
            root = PathRoot.Variable;
            int start = _position;
            while (_position < _text.Length && IsNamePart(_text[_position]))
            {
                _position++;
            }

            variable = _text[start.._position];
        }
        else
        {
            root = PathRoot.Input;
        }

        var tokens = new List<PathToken>();
        return ParseTokens(tokens) ? new ParsedPath(root, variable, tokens.ToArray()) : null;
    }

    private bool ParseTokens(List<PathToken> tokens)
    {
        while (_position < _text.Length)
        {
            if (_embedded && _text[_position] is not ('.' or '['))
            {
                break;
            }

            PathToken? token = ParseToken(tokens);
            if (token is null)
            {
                return false;
            }

            tokens.Add(token);
        }

        if (tokens.Count > 0 && tokens[^1] is ScanToken)
        {
            _error ??= $"The path '{_text}' must not end with '..'.";
            return false;
        }

        return true;
    }

    private PathToken? ParseToken(List<PathToken> previous)
    {
        char c = _text[_position];
        if (c == '.')
        {
            if (Peek(1) == '.')
            {
                if (previous.Count > 0 && previous[^1] is ScanToken)
                {
                    return FailToken($"Unexpected '...' at position {_position} in the path '{_text}'.");
                }

                if (_position + 2 >= _text.Length)
                {
                    return FailToken($"The path '{_text}' must not end with '..'.");
                }

                // "..[0]" continues with the bracket; "..name" and "..*" continue as if after a single dot, so stop on
                // the second dot and let the next round read the member.
                _position += _text[_position + 2] == '[' ? 2 : 1;
                return ScanToken.Instance;
            }

            return ParseDotMember();
        }

        if (c == '[')
        {
            return ParseBracket();
        }

        return FailToken($"Unexpected character '{c}' at position {_position} in the path '{_text}'; expected '.' or '['.");
    }

    // At a '.': reads ".name" or ".*".
    private PathToken? ParseDotMember()
    {
        _position++;
        if (_position >= _text.Length)
        {
            return FailToken($"The path '{_text}' must not end with '.'.");
        }

        if (_text[_position] == '*')
        {
            _position++;
            return WildcardToken.Instance;
        }

        int start = _position;
        while (_position < _text.Length && _text[_position] is not ('.' or '['))
        {
            char c = _text[_position];
            if (_embedded && (char.IsWhiteSpace(c) || c is '<' or '>' or '=' or '!' or '~' or '&' or '|' or ')' or ',' or ']'))
            {
                // Inside a filter a name ends where an operator or the filter's end begins.
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                return FailToken($"The path '{_text}' has a blank at position {_position}; use bracket notation ['my name'] for names with blanks.");
            }

            // Like Jayway, a dot name runs to the next '.', '[', '(' or blank: quotes, ']' and ')' belong to it.
            if (c == '(')
            {
                return _position > start
                    ? ParseFunction(start)
                    : FailToken($"Expected a name after '.' at position {start} in the path '{_text}'.");
            }

            _position++;
        }

        if (_position == start)
        {
            return FailToken($"Expected a name after '.' at position {start} in the path '{_text}'.");
        }

        return new PropertyToken([_text[start.._position]]);
    }

    // At the '(' of ".name(...)": a Jayway function, up to its matching ')'.
    private PathToken? ParseFunction(int nameStart)
    {
        string name = _text[nameStart.._position];
        int open = _position;
        int depth = 0;
        for (; _position < _text.Length; _position++)
        {
            char c = _text[_position];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                _position++;
                return new FunctionToken(name, _text[(open + 1)..(_position - 1)]);
            }
        }

        return FailToken($"The function '{name}' at position {nameStart} in the path '{_text}' is missing its closing ')'.");
    }

    // At a '[': reads ['a'], ['a','b'], [*], [0], [0,2], [1:3], [?(...)].
    private PathToken? ParseBracket()
    {
        int open = _position;
        _position++;
        SkipBlanks();
        if (_position >= _text.Length)
        {
            return FailToken($"The bracket opened at position {open} in the path '{_text}' is not closed.");
        }

        char c = _text[_position];
        PathToken? token;
        if (c is '\'' or '"')
        {
            token = ParseBracketNames();
        }
        else if (c == '*')
        {
            _position++;
            token = WildcardToken.Instance;
        }
        else if (c == '?')
        {
            token = ParseFilter(open);
        }
        else if (c is '-' or ':' || char.IsAsciiDigit(c))
        {
            token = ParseIndexesOrSlice(open);
        }
        else
        {
            return FailToken($"Unexpected character '{c}' at position {_position} in the path '{_text}'; expected a quoted name, an index, a slice, '*' or a filter '?(...)'.");
        }

        if (token is null)
        {
            return null;
        }

        SkipBlanks();
        if (_position >= _text.Length || _text[_position] != ']')
        {
            return FailToken($"The bracket opened at position {open} in the path '{_text}' is not closed.");
        }

        _position++;
        return token;
    }

    private PropertyToken? ParseBracketNames()
    {
        var names = new List<string>(1);
        while (true)
        {
            SkipBlanks();
            if (_position >= _text.Length || _text[_position] is not ('\'' or '"'))
            {
                return FailProperty($"Expected a quoted name at position {_position} in the path '{_text}'.");
            }

            char quote = _text[_position];
            int start = _position;
            _position++;
            var name = new System.Text.StringBuilder();
            bool closed = false;
            while (_position < _text.Length)
            {
                char c = _text[_position++];
                if (c == '\\' && _position < _text.Length)
                {
                    // A backslash stops the next character from closing the name, but AWS's Jayway keeps both in the
                    // name (no unescaping): $['Test\""Name"'] reads the key Test\""Name"
                    // (scenarios/test_base_scenarios__test_escape_sequence_parsing_ESCAPE_SEQUENCES_JSONPATH_afe49f.json).
                    name.Append(c).Append(_text[_position++]);
                    continue;
                }

                if (c == quote)
                {
                    closed = true;
                    break;
                }

                name.Append(c);
            }

            if (!closed)
            {
                return FailProperty($"The name starting at position {start} in the path '{_text}' is missing its closing quote.");
            }

            names.Add(name.ToString());
            SkipBlanks();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
                continue;
            }

            return new PropertyToken(names.ToArray());
        }
    }

    private PathToken? ParseIndexesOrSlice(int open)
    {
        int close = _text.IndexOf(']', _position);
        if (close < 0)
        {
            return FailToken($"The bracket opened at position {open} in the path '{_text}' is not closed.");
        }

        ReadOnlySpan<char> body = _text.AsSpan(_position, close - _position);
        int colon = body.IndexOf(':');
        if (colon >= 0)
        {
            ReadOnlySpan<char> left = body[..colon].Trim();
            ReadOnlySpan<char> right = body[(colon + 1)..].Trim();
            if (right.Contains(':'))
            {
                return FailToken($"The slice '[{body.ToString()}]' in the path '{_text}' has a step; only [from:to] is supported.");
            }

            int? from = null, to = null;
            if (!left.IsEmpty)
            {
                if (!TryReadInt(left, out int f))
                {
                    return FailToken($"The slice '[{body.ToString()}]' in the path '{_text}' has an invalid start.");
                }

                from = f;
            }

            if (!right.IsEmpty)
            {
                if (!TryReadInt(right, out int t))
                {
                    return FailToken($"The slice '[{body.ToString()}]' in the path '{_text}' has an invalid end.");
                }

                to = t;
            }

            _position = close;
            return new SliceToken(from, to);
        }

        var indexes = new List<int>(1);
        foreach (Range part in body.Split(','))
        {
            ReadOnlySpan<char> item = body[part].Trim();
            if (!TryReadInt(item, out int index))
            {
                return FailToken($"The index '[{body.ToString()}]' in the path '{_text}' is not a list of integers.");
            }

            indexes.Add(index);
        }

        _position = close;
        return new IndexToken(indexes.ToArray());
    }

    // At "?(": the filter expression up to its closing parenthesis.
    private PathToken? ParseFilter(int open)
    {
        _position++;
        SkipBlanks();
        if (_position >= _text.Length || _text[_position] != '(')
        {
            return FailToken($"Expected '(' after '?' in the filter at position {open} in the path '{_text}'.");
        }

        int start = _position;
        _position++;
        if (!Filters.FilterParser.TryParse(_text, ref _position, out Filters.FilterExpression? expression, out string? error))
        {
            return FailToken(error);
        }

        SkipBlanks();
        if (_position >= _text.Length || _text[_position] != ')')
        {
            return FailToken($"The filter at position {open} in the path '{_text}' is missing its closing ')'.");
        }

        _position++;
        return new FilterToken(expression, _text[start.._position]);
    }

    private static bool TryReadInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private readonly char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private void SkipBlanks()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private ParsedPath? Fail(string message)
    {
        _error ??= message;
        return null;
    }

    private PathToken? FailToken(string message)
    {
        _error ??= message;
        return null;
    }

    private PropertyToken? FailProperty(string message)
    {
        _error ??= message;
        return null;
    }
}
