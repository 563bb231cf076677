namespace Stepwise.Hosting.Durable;

/// <summary>
/// FNV-1a over UTF-16 code units: unlike <see cref="string.GetHashCode()"/>, the same text hashes the same in every
/// process, so seeds and ids derived from it survive a restart.
/// </summary>
internal static class StableHash
{
    public static ulong Of(ReadOnlySpan<char> text, ulong seed = 14695981039346656037UL)
    {
        ulong hash = seed;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public static ulong Combine(ulong hash, long value)
    {
        for (int i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (i * 8))) * 1099511628211UL;
        }

        return hash;
    }

    public static int ToSeed(ulong hash) => (int)(hash ^ (hash >> 32));
}
