namespace Stepwise.JsonPath.Tests.Timestamps;

public sealed class AslTimestampTests
{
    [Theory]
    [InlineData("2012-10-09T19:00:55Z", "2012-10-09T19:00:55.0000000+00:00")]
    [InlineData("2016-03-05T21:29:29.243167252Z", "2016-03-05T21:29:29.2431672+00:00")] // ..._NANOSECONDS_febf38.json
    [InlineData("2026-11-21T05:34:40.00Z", "2026-11-21T05:34:40.0000000+00:00")] // base/test_wait__test_wait_timestamppath_.00Z_20cd28.json
    [InlineData("2026-11-21T05:34:40.000000Z", "2026-11-21T05:34:40.0000000+00:00")]
    [InlineData("2016-03-05T21:29:29+01:00", "2016-03-05T21:29:29.0000000+01:00")]
    [InlineData("2016-03-05T21:29:29-05:30", "2016-03-05T21:29:29.0000000-05:30")]
    [InlineData("2016-03-05t21:29:29z", "2016-03-05T21:29:29.0000000+00:00")]
    [InlineData("2016-03-05T21:29Z", "2016-03-05T21:29:00.0000000+00:00")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.0000000+00:00")]
    public void An_ISO_offset_date_time_is_accepted(string text, string expected)
    {
        Assert.True(AslTimestamp.TryParse(text, out DateTimeOffset value));
        Assert.Equal(expected, value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2016-12-05T21:29:29")] // NO_Z
    [InlineData("2026-11-21T05:34:40.000000")] // base/test_wait__test_wait_timestamppath_.000000_587f43.json
    [InlineData("2016-12-05 21:29:29Z")] // NO_T
    [InlineData("2016-13-05T21:29:29Z")] // INVALID_DATE
    [InlineData("2016-12-05T25:29:29Z")] // INVALID_TIME
    [InlineData("05-12-2016T21:29:29Z")] // INVALID_ISO
    [InlineData("2023-02-24 12:15:56.832957")] // choice_operators/test_timestamp_operators__test_timestamp_equals__exec7.json
    [InlineData("2023-02-30T00:00:00Z")]
    [InlineData("2023-02-01T00:00:60Z")]
    [InlineData("2023-02-01T00:00:00.Z")]
    [InlineData("2023-02-01T00:00:00.1234567890Z")]
    [InlineData("2023-02-01T00:00:00+0100")]
    [InlineData("2023-02-01T00:00:00+01")]
    [InlineData("2023-02-01T00:00:00Z ")]
    [InlineData("")]
    [InlineData(" ")]
    public void Anything_else_is_rejected(string text)
    {
        Assert.False(AslTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Timestamps_in_different_offsets_compare_by_instant()
    {
        Assert.True(AslTimestamp.TryParse("2016-03-05T21:29:29+01:00", out DateTimeOffset a));
        Assert.True(AslTimestamp.TryParse("2016-03-05T20:29:29Z", out DateTimeOffset b));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Format_writes_UTC_with_milliseconds_as_AWS_writes_the_context_object()
    {
        // test_state/test_state_context_object_*: "StartTime": "2025-01-15T10:30:00.000Z", "EnteredTime": "...:01.500Z".
        var value = new DateTimeOffset(2025, 1, 15, 11, 30, 1, 500, TimeSpan.FromHours(1));
        Assert.Equal("2025-01-15T10:30:01.500Z", AslTimestamp.Format(value));
    }
}
