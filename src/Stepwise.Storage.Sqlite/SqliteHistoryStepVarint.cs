namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The integers of a <see cref="SqliteHistoryStep.Compact"/> body: unsigned LEB128 (seven bits a byte, low first, the
/// high bit set on every byte but the last), and signed values zigzag-mapped first so that a small change of either sign
/// takes one byte. Most of a step's integers are small (an id one more than the one before, a timestamp the same).
/// </summary>
internal static class SqliteHistoryStepVarint
{
    /// <summary>The most bytes a 32-bit value takes.</summary>
    public const int MaxBytes32 = 5;

    /// <summary>The most bytes a 64-bit value takes.</summary>
    public const int MaxBytes64 = 10;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/> (room for <see cref="MaxBytes32"/> bytes) and returns how many bytes it took.</summary>
    public static int Write(Span<byte> destination, uint value) => Write(destination, (ulong)value);

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/> (room for <see cref="MaxBytes64"/> bytes) and returns how many bytes it took.</summary>
    public static int Write(Span<byte> destination, ulong value)
    {
        int written = 0;
        while (value >= 0x80)
        {
            destination[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[written++] = (byte)value;
        return written;
    }

    /// <summary>How many bytes <see cref="Write(Span{byte}, uint)"/> takes for <paramref name="value"/>.</summary>
    public static int Length(uint value) => value < 1u << 7 ? 1 : value < 1u << 14 ? 2 : value < 1u << 21 ? 3 : value < 1u << 28 ? 4 : 5;

    /// <summary>A signed value as the unsigned one that zigzag maps it to: 0, -1, 1, -2, … become 0, 1, 2, 3, ….</summary>
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    /// <summary>Reads a 32-bit value at <paramref name="position"/>, moving past it.</summary>
    /// <exception cref="StorageException">The body ends within the value, or the value takes more than 32 bits.</exception>
    public static uint Read32(ReadOnlySpan<byte> body, ref int position)
    {
        ulong value = Read(body, ref position, MaxBytes32);
        if (value > uint.MaxValue)
        {
            throw SqliteHistoryStep.Corrupt();
        }

        return (uint)value;
    }

    /// <summary>Reads a zigzag-mapped signed 64-bit value at <paramref name="position"/>, moving past it.</summary>
    /// <exception cref="StorageException">The body ends within the value, or the value takes more than 64 bits.</exception>
    public static long ReadSigned64(ReadOnlySpan<byte> body, ref int position)
    {
        ulong value = Read(body, ref position, MaxBytes64);
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    private static ulong Read(ReadOnlySpan<byte> body, ref int position, int maxBytes)
    {
        ulong value = 0;
        for (int i = 0; i < maxBytes; i++)
        {
            if ((uint)position >= (uint)body.Length)
            {
                throw SqliteHistoryStep.Corrupt();
            }

            byte next = body[position++];
            // The tenth byte of a 64-bit value holds its top bit only.
            if (i == MaxBytes64 - 1 && next > 1)
            {
                throw SqliteHistoryStep.Corrupt();
            }

            value |= (ulong)(next & 0x7F) << (7 * i);
            if (next < 0x80)
            {
                return value;
            }
        }

        throw SqliteHistoryStep.Corrupt();
    }
}
