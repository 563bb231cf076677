namespace Stepwise.Hosting.Durable;

/// <summary>
/// The random source of a step's decisions: each decision draws what <c>new Random(seed)</c> with its own seed draws,
/// but the generator is built on the first draw only. Most decisions draw nothing (no task token, no jitter, no UUID),
/// and a seeded <see cref="Random"/> costs a 56-entry table to build, per decision of a step that runs 50 tasks inline.
/// </summary>
internal sealed class DecisionRandom : Random
{
    private int _seed;
    private Random? _source;

    /// <summary>The next draws are those of a new <c>Random(<paramref name="seed"/>)</c>.</summary>
    public void Reseed(int seed)
    {
        _seed = seed;
        _source = null;
    }

    private Random Source => _source ??= new Random(_seed);

    public override int Next() => Source.Next();

    public override int Next(int maxValue) => Source.Next(maxValue);

    public override int Next(int minValue, int maxValue) => Source.Next(minValue, maxValue);

    public override long NextInt64() => Source.NextInt64();

    public override long NextInt64(long maxValue) => Source.NextInt64(maxValue);

    public override long NextInt64(long minValue, long maxValue) => Source.NextInt64(minValue, maxValue);

    public override double NextDouble() => Source.NextDouble();

    public override float NextSingle() => Source.NextSingle();

    public override void NextBytes(byte[] buffer) => Source.NextBytes(buffer);

    public override void NextBytes(Span<byte> buffer) => Source.NextBytes(buffer);

    // A seeded Random's Sample is its NextDouble.
    protected override double Sample() => Source.NextDouble();
}
