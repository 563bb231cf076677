using Stepwise.Hosting.Durable;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class DecisionRandomTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-17)]
    [InlineData(int.MaxValue)]
    public void After_a_reseed_it_draws_what_a_new_Random_with_that_seed_draws(int seed)
    {
        var random = new DecisionRandom();
        random.Reseed(12345);
        random.NextDouble();
        random.Reseed(seed);
        var expected = new Random(seed);

        Assert.Equal(expected.Next(), random.Next());
        Assert.Equal(expected.Next(10), random.Next(10));
        Assert.Equal(expected.Next(-5, 5), random.Next(-5, 5));
        Assert.Equal(expected.NextInt64(), random.NextInt64());
        Assert.Equal(expected.NextInt64(1000), random.NextInt64(1000));
        Assert.Equal(expected.NextInt64(-1000, 1000), random.NextInt64(-1000, 1000));
        Assert.Equal(expected.NextDouble(), random.NextDouble());
        Assert.Equal(expected.NextSingle(), random.NextSingle());
        byte[] want = new byte[16];
        byte[] got = new byte[16];
        expected.NextBytes(want);
        random.NextBytes(got);
        Assert.Equal(want, got);
        Span<byte> wantSpan = stackalloc byte[7];
        Span<byte> gotSpan = stackalloc byte[7];
        expected.NextBytes(wantSpan);
        random.NextBytes(gotSpan);
        Assert.True(wantSpan.SequenceEqual(gotSpan));
    }

    [Fact]
    public void Reseeding_with_the_same_seed_repeats_the_draws()
    {
        var random = new DecisionRandom();
        random.Reseed(42);
        int first = random.Next();
        random.Next();
        random.Reseed(42);

        Assert.Equal(first, random.Next());
    }
}
