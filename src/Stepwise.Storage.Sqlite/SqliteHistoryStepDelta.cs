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

    // How far past a difference each text is searched for its next punctuation. The runs that differ are numbers and
    // names; a longer difference is inserted whole.
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
            else
            {
                Resync(text, i, baseText, j, out inserted, out skipped);
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
    // to insert up to there and those of the base to skip. Most differences are a number or a name, followed in both
    // texts by the same punctuation, so the next punctuation of each is the place tried. A wider search (each place in
    // the text against the base's next bytes) found little more in events of one type and cost about a microsecond
    // each time it failed, as it mostly does between events of different types: the rest is then inserted whole (and
    // the literal is stored as it is when that makes the change no shorter).
    private static void Resync(ReadOnlySpan<byte> text, int i, ReadOnlySpan<byte> baseText, int j, out int inserted, out int skipped)
    {
        inserted = NextBoundary(text, i);
        skipped = NextBoundary(baseText, j);
        if (inserted + skipped == 0 || text.Length - i - inserted < Anchor || baseText.Length - j - skipped < Anchor
            || MemoryMarshal.Read<uint>(text[(i + inserted)..]) != MemoryMarshal.Read<uint>(baseText[(j + skipped)..]))
        {
            inserted = text.Length - i;
            skipped = baseText.Length - j;
        }
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
