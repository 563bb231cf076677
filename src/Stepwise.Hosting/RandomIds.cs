using System.Buffers.Binary;

namespace Stepwise.Hosting;

/// <summary>Ids drawn from an execution's seeded random source, so a seeded run is reproducible end to end.</summary>
internal static class RandomIds
{
    /// <summary>A random (version 4) UUID in its canonical lower-case form.</summary>
    public static string NewUuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return ToUuid(bytes);
    }

    /// <summary>
    /// A version 4 UUID drawn from <paramref name="seed"/> alone (two SplitMix64 outputs): the same seed gives the same
    /// UUID, without building a seeded <see cref="Random"/> for 16 bytes.
    /// </summary>
    public static string NewUuid(ulong seed)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, SplitMix64(ref seed));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], SplitMix64(ref seed));
        return ToUuid(bytes);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string ToUuid(Span<byte> bytes)
    {
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
