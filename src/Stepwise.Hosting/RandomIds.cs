namespace Stepwise.Hosting;

/// <summary>Ids drawn from an execution's seeded random source, so a seeded run is reproducible end to end.</summary>
internal static class RandomIds
{
    /// <summary>A random (version 4) UUID in its canonical lower-case form.</summary>
    public static string NewUuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
