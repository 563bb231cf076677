using Stepwise.Definition.Model;
using Stepwise.Runtime.Retry;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Retry;

public sealed class RetryMathTests
{
    private static Retrier Retrier(string fields) =>
        ((TaskState)Asl.Machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'r','End':true,'Retry':[{'ErrorEquals':['X']" + fields + "}]}}}")
            .States["T"]).Retry[0];

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 6)]
    [InlineData(2, 18)]
    public void Delay_is_the_interval_times_the_backoff_rate_to_the_power_of_the_attempt(int attempt, int expectedSeconds)
    {
        var retrier = Retrier(",'IntervalSeconds':2,'BackoffRate':3");

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryMath.Delay(retrier, attempt, unitRandom: 0.9));
    }

    [Fact]
    public void MaxDelaySeconds_caps_the_delay()
    {
        var retrier = Retrier(",'IntervalSeconds':10,'BackoffRate':2,'MaxDelaySeconds':25");

        Assert.Equal(TimeSpan.FromSeconds(20), RetryMath.Delay(retrier, 1, 0));
        Assert.Equal(TimeSpan.FromSeconds(25), RetryMath.Delay(retrier, 2, 0));
    }

    [Fact]
    public void Full_jitter_scales_the_capped_delay_by_the_drawn_unit()
    {
        var retrier = Retrier(",'IntervalSeconds':10,'BackoffRate':2,'MaxDelaySeconds':25,'JitterStrategy':'FULL'");

        Assert.Equal(TimeSpan.FromSeconds(10), RetryMath.Delay(retrier, 3, unitRandom: 0.4));
        Assert.Equal(TimeSpan.Zero, RetryMath.Delay(retrier, 3, unitRandom: 0));
    }

    [Fact]
    public void A_huge_exponent_is_clamped_instead_of_overflowing()
    {
        var retrier = Retrier(",'IntervalSeconds':99999999,'BackoffRate':10");

        var delay = RetryMath.Delay(retrier, 400, 0);

        Assert.Equal(TimeSpan.FromDays(365), delay);
    }
}
