using System.Text;
using System.Text.RegularExpressions;

namespace Stepwise.Conformance.AwsRecorded;

/// <summary>
/// Compares an actual text with a recorded one as the corpus README prescribes: the recorder replaced volatile parts
/// with <c>&lt;token&gt;</c>s, so a recorded string holding tokens is an anchored pattern in which each token matches
/// any text.
/// </summary>
internal static partial class RecordedText
{
    /// <summary>Whether <paramref name="text"/> holds at least one token.</summary>
    public static bool HasTokens(string text) => TokenPattern().IsMatch(text);

    /// <summary>Whether <paramref name="text"/> is exactly one token (which matches any value of any type).</summary>
    public static bool IsSingleToken(string text)
    {
        var match = TokenPattern().Match(text);
        return match.Success && match.Index == 0 && match.Length == text.Length;
    }

    public static bool Matches(string expected, string actual)
    {
        if (!TokenPattern().IsMatch(expected))
        {
            return string.Equals(expected, actual, StringComparison.Ordinal);
        }

        var pattern = new StringBuilder("^");
        int last = 0;
        foreach (Match token in TokenPattern().Matches(expected))
        {
            pattern.Append(Regex.Escape(expected[last..token.Index])).Append(".*?");
            last = token.Index + token.Length;
        }

        pattern.Append(Regex.Escape(expected[last..])).Append('$');
        return Regex.IsMatch(actual, pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex("<[A-Za-z_][^<>\\s\"]*>")]
    private static partial Regex TokenPattern();
}
