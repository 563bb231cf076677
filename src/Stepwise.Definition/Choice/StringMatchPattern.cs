using System.Text;

namespace Stepwise.Definition.Choice;

/// <summary>
/// A compiled <c>StringMatches</c> pattern. <c>*</c> matches any run of characters (including none) and the pattern
/// must cover the whole string; <c>\*</c> is a literal asterisk and <c>\\</c> a literal backslash. AWS documents only
/// those two escapes; a backslash before any other character is taken as that character, and a trailing lone
/// backslash as itself (the validator rejects such patterns before they get here).
/// </summary>
/// <remarks>
/// The pattern is kept as the literal pieces between the stars. With no star the pattern is a plain ordinal equality;
/// otherwise the first piece must be a prefix, the last a suffix, and the pieces in between must appear in order in
/// what is left: taking each at its leftmost position is enough for a star-only glob, so matching is a few ordinal
/// searches and never backtracks or allocates.
/// </remarks>
public sealed class StringMatchPattern
{
    private readonly string[] _pieces;

    private StringMatchPattern(string pattern, string[] pieces)
    {
        Pattern = pattern;
        _pieces = pieces;
    }

    /// <summary>The pattern as written in the definition.</summary>
    public string Pattern { get; }

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    public static StringMatchPattern Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var pieces = new List<string>();
        var piece = new StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                piece.Append(pattern[++i]);
            }
            else if (c == '*')
            {
                pieces.Add(piece.ToString());
                piece.Clear();
            }
            else
            {
                piece.Append(c);
            }
        }

        pieces.Add(piece.ToString());
        return new StringMatchPattern(pattern, [.. pieces]);
    }

    /// <summary>Whether the whole of <paramref name="text"/> matches the pattern (ordinal, case-sensitive).</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        string[] pieces = _pieces;
        string prefix = pieces[0];
        if (pieces.Length == 1)
        {
            return text.SequenceEqual(prefix);
        }

        string suffix = pieces[^1];
        if (text.Length < prefix.Length + suffix.Length
            || !text.StartsWith(prefix, StringComparison.Ordinal)
            || !text.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        // The middle pieces are searched between the prefix and the suffix, so none can overlap either.
        var rest = text[prefix.Length..^suffix.Length];
        for (int i = 1; i < pieces.Length - 1; i++)
        {
            int at = rest.IndexOf(pieces[i], StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + pieces[i].Length)..];
        }

        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Pattern;
}
