using System.Text;
using System.Text.RegularExpressions;

namespace Stepwise.Jsonata.Functions;

/// <summary>
/// Maps a JavaScript regular expression literal onto a .NET <see cref="Regex"/>. JSONata's regexes are JavaScript's,
/// so the translation keeps JavaScript's meaning where the dialects differ: <c>\d</c>, <c>\w</c> and <c>\s</c> stay
/// ASCII-ish as in JavaScript, <c>$</c> without the <c>m</c> flag matches only at the very end, and <c>[^]</c> matches
/// any character.
/// </summary>
internal static class RegexTranslator
{
    /// <summary>
    /// How long one match may run. Expressions and their regexes may be untrusted, and a regex can backtrack
    /// catastrophically; a match that times out fails the evaluation with U1001.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static Regex Create(string pattern, string flags, int position)
    {
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (flags.Contains('m', StringComparison.Ordinal))
        {
            options |= RegexOptions.Multiline;
        }

        if (flags.Contains('s', StringComparison.Ordinal))
        {
            options |= RegexOptions.Singleline;
        }

        try
        {
            return new Regex(Translate(pattern, (options & RegexOptions.Multiline) != 0), options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new JsonataException("S0303", $"Invalid regular expression: {e.Message}", position, pattern);
        }
    }

    private static string Translate(string pattern, bool multiline)
    {
        var result = new StringBuilder(pattern.Length + 8);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char n = pattern[i + 1];
                i++;
                switch (n)
                {
                    case 'd':
                        result.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D':
                        result.Append(inClass ? @"\D" : "[^0-9]");
                        break;
                    case 'w':
                        // JavaScript's word characters are ASCII only; .NET's include every Unicode letter.
                        result.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                        break;
                    case 'W':
                        result.Append(inClass ? @"\W" : "[^a-zA-Z0-9_]");
                        break;
                    default:
                        result.Append('\\').Append(n);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                result.Append(c);
                continue;
            }

            if (c == '[')
            {
                if (i + 2 < pattern.Length && pattern[i + 1] == '^' && pattern[i + 2] == ']')
                {
                    result.Append(@"[\s\S]");
                    i += 2;
                    continue;
                }

                inClass = true;
                result.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    result.Append('^');
                    i++;
                }

                // A ']' right after '[' closes an empty class in JavaScript; .NET would read it as a literal.
                continue;
            }

            if (c == '$' && !multiline)
            {
                result.Append(@"\z");
                continue;
            }

            if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == '<'
                && i + 3 < pattern.Length && pattern[i + 3] != '=' && pattern[i + 3] != '!')
            {
                // Named groups are spelled the same in both dialects.
                result.Append(c);
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
