namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// The linear congruential generator of <c>java.util.Random</c>. States.MathRandom with a seed must return the same
/// number for the same seed on every run (AWS documents that); drawing it from Java's own sequence keeps the value
/// stable across .NET versions, and equal to AWS's if AWS draws with <c>new Random(seed).nextInt(bound)</c>.
/// </summary>
internal struct JavaRandom
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Addend = 0xBL;
    private const long Mask = (1L << 48) - 1;

    private long _seed;

    public JavaRandom(long seed) => _seed = (seed ^ Multiplier) & Mask;

    /// <summary>Java's <c>nextInt(bound)</c>: uniform in [0, bound). <paramref name="bound"/> must be positive.</summary>
    public int NextInt(int bound)
    {
        if ((bound & -bound) == bound)
        {
            return (int)((bound * (long)Next(31)) >> 31);
        }

        int bits;
        int value;
        do
        {
            bits = Next(31);
            value = bits % bound;
        }
        while (bits - value + (bound - 1) < 0);

        return value;
    }

    private int Next(int bits)
    {
        _seed = (_seed * Multiplier + Addend) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }
}
