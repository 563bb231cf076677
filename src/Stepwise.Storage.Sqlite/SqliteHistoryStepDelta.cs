using System.Runtime.InteropServices;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// A literal of a <see cref="SqliteHistoryStep.Compact"/> body stored as its change from a base literal: a sequence of
/// operations, each <c>copy</c> bytes taken from the base, <c>skip</c> bytes of the base dropped, and <c>insert</c>
/// bytes taken from the body (three varints, then the inserted bytes); the base is used up exactly. Two events of a type
/// differ in a few short runs (the ids, the state's name, a digit of the timestamp), so a literal of 150 bytes becomes
/// a dozen.
/// </summary>
internal static class SqliteHistoryStepDelta
{
    // The shortest run of equal bytes taken as the texts being back in step after a difference: shorter runs (a quote, a
    // comma) recur too often to mean it.
    private const int Anchor = 4;

    // How far past a difference (the bytes of both texts together) the texts are searched for being back in step. The
    // runs that differ are numbers and names; a longer difference is inserted whole.
    private const int MaxResync = 32;


    /// <summary>
    /// Writes <paramref name="text"/>'s change from <paramref name="baseText"/> to <paramref name="destination"/> when it
    /// fits there, and returns its length in bytes (its operations' count in <paramref name="operations"/>); returns -1
    /// when it does not fit (having written some of it), and the text is stored as it is.
    /// </summary>
    public static int TryEncode(ReadOnlySpan<byte> text, ReadOnlySpan<byte> baseText, Span<byte> destination, out int operations)
    {
        operations = 0;
        int written = 0;
        int i = 0;
        int j = 0;
        while (true)
        {
            int copy = text[i..].CommonPrefixLength(baseText[j..]);
            i += copy;
            j += copy;
            int inserted;
            int skipped;
            if (i == text.Length && j == baseText.Length)
            {
                inserted = 0;
                skipped = 0;
            }
            else if (!TryResync(text, i, baseText, j, out inserted, out skipped))
            {
                inserted = text.Length - i;
                skipped = baseText.Length - j;
            }

            if (destination.Length - written < SqliteHistoryStepVarint.Length((uint)copy) + SqliteHistoryStepVarint.Length((uint)skipped)
                + SqliteHistoryStepVarint.Length((uint)inserted) + inserted)
            {
                return -1;
            }

            written += SqliteHistoryStepVarint.Write(destination[written..], (uint)copy);
            written += SqliteHistoryStepVarint.Write(destination[written..], (uint)skipped);
            written += SqliteHistoryStepVarint.Write(destination[written..], (uint)inserted);
            text.Slice(i, inserted).CopyTo(destination[written..]);
            written += inserted;
            i += inserted;
            j += skipped;
            operations++;
            if (i == text.Length && j == baseText.Length)
            {
                return written;
            }
        }
    }

    /// <summary>
    /// Applies the change of <paramref name="operations"/> operations at <paramref name="position"/> to
    /// <paramref name="baseText"/>, writing the text to <paramref name="destination"/> from <paramref name="written"/> on
    /// (grown from the pool as needed, at most <paramref name="maxLength"/> bytes in all).
    /// </summary>
    /// <exception cref="StorageException">An operation reaches past the base, the body or the limit, or leaves some of the base unused.</exception>
    public static void Apply(ReadOnlySpan<byte> body, ref int position, int operations, ReadOnlySpan<byte> baseText, ref byte[]? destination,
        ref int written, int maxLength)
    {
        int j = 0;
        for (int k = 0; k < operations; k++)
        {
            uint copy = SqliteHistoryStepVarint.Read32(body, ref position);
            uint skipped = SqliteHistoryStepVarint.Read32(body, ref position);
            uint inserted = SqliteHistoryStepVarint.Read32(body, ref position);
            if (copy > (uint)(baseText.Length - j) || skipped > (uint)(baseText.Length - j) - copy || inserted > (uint)(body.Length - position)
                || (long)written + copy + inserted > maxLength)
            {
                throw SqliteHistoryStep.Corrupt();
            }

            SqliteHistoryStep.Rent(ref destination, written + (int)(copy + inserted), written);
            baseText.Slice(j, (int)copy).CopyTo(destination.AsSpan(written));
            body.Slice(position, (int)inserted).CopyTo(destination.AsSpan(written + (int)copy));
            written += (int)(copy + inserted);
            position += (int)inserted;
            j += (int)(copy + skipped);
        }

        if (j != baseText.Length)
        {
            throw SqliteHistoryStep.Corrupt();
        }
    }

    // A place past a difference where both texts run alike for an anchor's length (or both end): the bytes of the text
    // to insert up to there and those of the base to skip. The next punctuation of each is tried first; then the nearest
    // place, meaning fewest bytes of both together, each place in the text looked up in the base's next bytes at once (a
    // vectorized search) rather than pair by pair.
    private static bool TryResync(ReadOnlySpan<byte> text, int i, ReadOnlySpan<byte> baseText, int j, out int inserted, out int skipped)
    {
        int textLeft = text.Length - i;
        int baseLeft = baseText.Length - j;
        int best = int.MaxValue;
        inserted = 0;
        skipped = 0;
        if (textLeft + baseLeft <= MaxResync)
        {
            best = textLeft + baseLeft;
            inserted = textLeft;
            skipped = baseLeft;
        }

        // Most differences are a number or a name, followed in both texts by the same punctuation: the first place
        // tried is the next one in each.
        int textBoundary = NextBoundary(text, i);
        int baseBoundary = NextBoundary(baseText, j);
        if (textBoundary + baseBoundary > 0 && textLeft - textBoundary >= Anchor && baseLeft - baseBoundary >= Anchor
            && MemoryMarshal.Read<uint>(text[(i + textBoundary)..]) == MemoryMarshal.Read<uint>(baseText[(j + baseBoundary)..]))
        {
            inserted = textBoundary;
            skipped = baseBoundary;
            return true;
        }

        var window = baseText.Slice(j, Math.Min(baseLeft, MaxResync + Anchor));
        for (int a = 0; a < best && a <= MaxResync && a + Anchor <= textLeft; a++)
        {
            int b = window.IndexOf(text.Slice(i + a, Anchor));
            // At a place where both run alike already (a and b both 0) there is no difference to get past.
            if (b >= 0 && a + b < best && a + b > 0)
            {
                best = a + b;
                inserted = a;
                skipped = b;
            }
        }

        return best != int.MaxValue;
    }

    // How far past start the next punctuation that ends a JSON number, name or string lies (the run of changed bytes is
    // short, so a plain loop beats a vectorized search's setup); the text's end when there is none within reach.
    private static int NextBoundary(ReadOnlySpan<byte> text, int start)
    {
        int end = Math.Min(text.Length, start + MaxResync);
        int at = start;
        while (at < end && text[at] is not ((byte)',' or (byte)'"' or (byte)':' or (byte)'}' or (byte)']'))
        {
            at++;
        }

        return at - start;
    }
}
