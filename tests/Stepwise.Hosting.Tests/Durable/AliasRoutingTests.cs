using Stepwise.Hosting.Durable;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class AliasRoutingTests
{
    [Theory]
    [InlineData(0, "v1")]
    [InlineData(69, "v1")]
    [InlineData(70, "v2")]
    [InlineData(99, "v2")]
    public void A_draw_in_0_to_99_picks_the_route_whose_cumulative_weight_covers_it(int draw, string expected)
    {
        AliasRoute[] routes = [new("v1", 70), new("v2", 30)];

        Assert.Equal(expected, DurableEngine.PickRoute(routes, draw));
    }

    [Fact]
    public void A_route_of_weight_zero_is_never_picked()
    {
        AliasRoute[] routes = [new("v1", 0), new("v2", 100)];

        Assert.Equal("v2", DurableEngine.PickRoute(routes, 0));
    }
}
