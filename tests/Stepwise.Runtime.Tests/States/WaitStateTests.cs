using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class WaitStateTests
{
    [Fact]
    public async Task Seconds_advance_the_virtual_clock_without_real_waiting()
    {
        var result = await Engines.RunAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'End':true}}}");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(Asl.Start, result.History[1].Timestamp);
        Assert.Equal(Asl.Start.AddHours(1), result.History[2].Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), result.StopDate - result.StartDate);
    }

    [Fact]
    public async Task TimestampPath_waits_until_the_instant_it_names()
    {
        var result = await Engines.RunAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','TimestampPath':'$.at','End':true}}}", "{'at':'2024-05-01T12:30:00Z'}");

        Assert.Equal(Asl.Start.AddMinutes(30), result.History[^1].Timestamp);
    }

    [Theory]
    [InlineData("-1", "The SecondsPath parameter references a negative value: $.s == -1")]
    [InlineData("1.5", "The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5")]
    [InlineData("'x'", "The SecondsPath parameter cannot be parsed as a long value: $.s == x")]
    public async Task SecondsPath_rejects_values_with_AWS_messages(string value, string message)
    {
        var result = await Engines.RunAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.s','End':true}}}", "{'s':" + value + "}");

        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal("An error occurred while executing the state 'W' (entered at the event id #2). " + message, result.Cause);
    }

    [Fact]
    public async Task A_SecondsPath_that_selects_nothing_says_so()
    {
        var result = await Engines.RunAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.s','End':true}}}");

        Assert.EndsWith("The SecondsPath parameter does not reference an input value: $.s", result.Cause);
    }
}
