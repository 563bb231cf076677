using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Stepwise.Storage.Paging;

/// <summary>
/// Page tokens are the sort key of the last item returned, written as text. Every provider uses the same encoding, so
/// a token stays valid when the same data moves between providers and the contract suite can compare them.
/// </summary>
public static class PageTokens
{
    /// <summary>Writes a position as a token.</summary>
    public static string From(long position) => "p" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a token; null reads as null (the first page).</summary>
    /// <exception cref="InvalidPageTokenException">The token was not written by <see cref="From"/>.</exception>
    public static long? Parse(string? token)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Length >= 2 && token[0] == 'p'
            && long.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }

        ThrowInvalid(token);
        return null;
    }

    [DoesNotReturn]
    private static void ThrowInvalid(string token) => throw new InvalidPageTokenException(token);
}
