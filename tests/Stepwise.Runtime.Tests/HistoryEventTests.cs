using Stepwise.Json;

namespace Stepwise.Runtime.Tests;

public sealed class HistoryEventTests
{
    [Fact]
    public void Each_event_carries_its_own_timestamp_in_epoch_seconds_even_when_written_one_after_another()
    {
        var first = new DateTimeOffset(2024, 5, 17, 10, 32, 45, 123, TimeSpan.Zero);
        var second = first.AddMilliseconds(7);
        var whole = new DateTimeOffset(2024, 5, 17, 10, 32, 46, 0, TimeSpan.Zero);
        var tenths = whole.AddMilliseconds(120);
        (DateTimeOffset Time, string Expected)[] cases =
        [
            (first, "1715941965.123"), (first, "1715941965.123"), (second, "1715941965.13"), (first, "1715941965.123"),
            (whole, "1715941966"), (tenths, "1715941966.12"),
        ];

        foreach (var (time, expected) in cases)
        {
            var historyEvent = new HistoryEvent("PassStateEntered", 2, 1, time, null, (JsonObject?)null);
            var timestamp = historyEvent.ToAwsJson()["timestamp"]!;
            Assert.Equal(JsonNumber.FromLiteral(expected), timestamp);
            Assert.Equal(JsonNumber.FromLiteral(expected).ToJsonString(), timestamp.ToJsonString());
        }
    }
}
