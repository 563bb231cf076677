using Stepwise.Json;
using Stepwise.Jsonata.Functions.Formatting;

namespace Stepwise.Jsonata.Tests.Formatting;

/// <summary>
/// $toMillis, from the jsonata-js suite (function-tomillis: caseNNN.json and parseDateTime.json, case index per line).
/// The undefined-argument cases (case006, parseDateTime#0) are the engine's.
/// </summary>
public sealed class ToMillisTests
{
    // Any fixed evaluation time: these pictures give every component, so it must not matter.
    private const long Now = 1_700_000_000_000;

    [Theory]
    [InlineData("1970-01-01T00:00:00.001Z", null, 1d)] // case001.json
    [InlineData("2018-02-01T09:42:13.123+0000", null, 1517478133123d)] // case002.json
    [InlineData("2017-10-30", null, 1509321600000d)] // case003.json
    [InlineData("2017-10-30T15:28:34Z", null, 1509377314000d)] // case004.json
    [InlineData("2018", null, 1514764800000d)] // case005.json
    [InlineData("201802", "[Y0001][M01]", 1517443200000d)] // case010.json
    [InlineData("201802", "[Y,*-4][M01]", 1517443200000d)] // case011.json
    [InlineData("20180205", "[Y0001][M01][D01]", 1517788800000d)] // case012.json
    [InlineData("2018", "[Y1]", 1514764800000d)] // parseDateTime.json#2
    [InlineData("2018-03-27", "[Y1]-[M01]-[D01]", 1522108800000d)] // parseDateTime.json#3
    [InlineData("2018-03-27T14:03:00.123Z", "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001]Z", 1522159380123d)] // parseDateTime.json#4
    [InlineData("27th 3 1976", "[D1o] [M#1] [Y0001]", 196732800000d)] // parseDateTime.json#5
    [InlineData("21st 12 1881", "[D1o] [M01] [Y0001]", -2777932800000d)] // parseDateTime.json#6
    [InlineData("2nd 12 2012", "[D1o] [M01] [Y0001]", 1354406400000d)] // parseDateTime.json#7
    [InlineData("MCMLXXXIV", "[YI]", 441763200000d)] // parseDateTime.json#8
    [InlineData("27 03 MMXVIII", "[D1] [M01] [YI]", 1522108800000d)] // parseDateTime.json#9
    [InlineData("27 iii MMXVIII", "[D1] [Mi] [YI]", 1522108800000d)] // parseDateTime.json#10
    [InlineData("w C mmxviii", "[Da] [MA] [Yi]", 1521763200000d)] // parseDateTime.json#11
    [InlineData("ae C mmxviii", "[Da] [MA] [Yi]", 1522454400000d)] // parseDateTime.json#12
    [InlineData("27th April 2008", "[D1o] [MNn] [Y0001]", 1209254400000d)] // parseDateTime.json#13
    [InlineData("21 August 2017", "[D1] [MNn] [Y0001]", 1503273600000d)] // parseDateTime.json#14
    [InlineData("2 Feb 2012", "[D1] [MNn,3-3] [Y0001]", 1328140800000d)] // parseDateTime.json#15
    [InlineData("one thousand, nine hundred and eighty-four", "[Yw]", 441763200000d)] // parseDateTime.json#16
    [InlineData("nineteen hundred and eighty-four", "[Yw]", 441763200000d)] // parseDateTime.json#17
    [InlineData("twenty-seven April 2008", "[Dw] [MNn] [Y0001]", 1209254400000d)] // parseDateTime.json#18
    [InlineData("twenty-seventh April 2008", "[Dw] [MNn] [Y0001]", 1209254400000d)] // parseDateTime.json#19
    [InlineData("twenty-first August two thousand and seventeen", "[Dw] [MNn] [Yw]", 1503273600000d)] // parseDateTime.json#20
    [InlineData("TWENTY-SECOND August two thousand and seventeen", "[DW] [MNn] [Yw]", 1503360000000d)] // parseDateTime.json#21
    [InlineData("Twentieth of August, two thousand and seventeen", "[DW] of [MNn], [Yw]", 1503187200000d)] // parseDateTime.json#22
    [InlineData("4/4/2018 12:06 am", "[D1]/[M1]/[Y0001] [h]:[m] [P]", 1522800360000d)] // parseDateTime.json#23
    [InlineData("4/4/2018 06:30 am", "[D1]/[M1]/[Y0001] [h]:[m] [P]", 1522823400000d)] // parseDateTime.json#24
    [InlineData("4/4/2018 12:06 pm", "[D1]/[M1]/[Y0001] [h]:[m] [P]", 1522843560000d)] // parseDateTime.json#25
    [InlineData("4/4/2018 11:30 pm", "[D1]/[M1]/[Y0001] [h]:[m] [P]", 1522884600000d)] // parseDateTime.json#26
    [InlineData("2018-094", "[Y0001]-[d001]", 1522800000000d)] // parseDateTime.json#27
    public void Timestamps_read_as_milliseconds_since_the_epoch(string timestamp, string? picture, double expected)
    {
        Assert.Equal(JsonNumber.FromDouble(expected), FormattingFunctions.ToMillis(timestamp, picture, Now));
    }

    [Theory]
    [InlineData("Wednesday, 14th November 2018", "[FNn], [D1o] [MNn] [Y]", "2018-11-14T00:00:00.000Z")] // parseDateTime.json#30
    [InlineData("Mon, Twelfth November 2018", "[FNn,*-3], [DWwo] [MNn] [Y]", "2018-11-12T00:00:00.000Z")] // parseDateTime.json#31
    [InlineData("2018--180", "[Y]--[d]", "2018-06-29T00:00:00.000Z")] // parseDateTime.json#32
    [InlineData("three hundred and sixty-fifth day of 2018", "[dwo] day of [Y]", "2018-12-31T00:00:00.000Z")] // parseDateTime.json#33
    [InlineData("2020-09-09 08:00:00 +02:00", "[Y0001]-[M01]-[D01] [H01]:[m01]:[s01] [Z]", "2020-09-09T06:00:00.000Z")] // parseDateTime.json#41
    [InlineData("2020-09-09 08:00:00 GMT-05:00", "[Y0001]-[M01]-[D01] [H01]:[m01]:[s01] [z]", "2020-09-09T13:00:00.000Z")] // parseDateTime.json#42
    [InlineData("2020-09-09 12:00:00 +05:30", "[Y0001]-[M01]-[D01] [H01]:[m01]:[s01] [Z]", "2020-09-09T06:30:00.000Z")] // parseDateTime.json#43
    [InlineData("2020-09-09 12:00:00 GMT-5", "[Y0001]-[M01]-[D01] [H01]:[m01]:[s01] [z01]", "2020-09-09T17:00:00.000Z")] // parseDateTime.json#44
    [InlineData("2020-09-09 12:00:00 +0530", "[Y0001]-[M01]-[D01] [H01]:[m01]:[s01] [Z0001]", "2020-09-09T06:30:00.000Z")] // parseDateTime.json#45
    [InlineData("2026-04-08T19:05:04.01987", "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f1]", "2026-04-08T19:05:04.019Z")] // parseDateTime.json#46
    public void Timestamps_read_back_to_the_instant_they_name(string timestamp, string picture, string expectedIso)
    {
        var millis = Assert.IsType<JsonNumber>(FormattingFunctions.ToMillis(timestamp, picture, Now));
        Assert.Equal(expectedIso, FormattingFunctions.FromMillis(millis.ToDouble(), null, null));
    }

    [Theory]
    [InlineData("Hello", "Hello")] // parseDateTime.json#1
    [InlineData("irrelevent string", "[Y]-[M]-[D]")] // parseDateTime.json#34
    public void Text_that_does_not_match_the_picture_is_undefined(string timestamp, string picture)
    {
        Assert.Null(FormattingFunctions.ToMillis(timestamp, picture, Now));
    }

    [Theory]
    [InlineData("foo", null, "D3110")] // case007.json
    [InlineData("01-02-2018", null, "D3110")] // case008.json
    [InlineData("2018-02-03 11:15:33", null, "D3110")] // case009.json
    [InlineData("2018-05-22", "[Y]-[M]-[q]", "D3132")] // parseDateTime.json#35
    [InlineData("2018-05-22", "[YN]-[M]-[D]", "D3133")] // parseDateTime.json#36
    [InlineData("2018-22", "[Y]-[D]", "D3136")] // parseDateTime.json#37
    [InlineData("5-22 23:59", "[M]-[D] [m]:[s]", "D3136")] // parseDateTime.json#38
    [InlineData("2018-3-2-5", "[X]-[x]-[w]-[F1]", "D3136")] // parseDateTime.json#39
    [InlineData("2018-32-5", "[X]-[W]-[F1]", "D3136")] // parseDateTime.json#40
    public void Bad_timestamps_and_pictures_raise_the_jsonata_error(string timestamp, string? picture, string code)
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.ToMillis(timestamp, picture, Now));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void A_picture_without_separators_reads_each_field_at_its_width()
    {
        // case013: $toMillis('2024-01-01T12:38:49Z') = $toMillis('20240101123849', '[Y0000][M00][D00][H00][m00][s00]')
        Assert.Equal(
            FormattingFunctions.ToMillis("2024-01-01T12:38:49Z", null, Now),
            FormattingFunctions.ToMillis("20240101123849", "[Y0000][M00][D00][H00][m00][s00]", Now));
    }

    [Fact]
    public void A_time_alone_falls_on_the_day_of_the_evaluation()
    {
        // parseDateTime#28 and #29: the date comes from $now(), the time is the one given.
        long now = 1_521_801_216_617; // 2018-03-23T10:33:36.617Z
        var millis = Assert.IsType<JsonNumber>(FormattingFunctions.ToMillis("13:45", "[H]:[m]", now));
        Assert.Equal("2018-03-23T13:45:00.000Z", FormattingFunctions.FromMillis(millis.ToDouble(), null, null));
    }

    [Fact]
    public void The_D3110_message_quotes_the_timestamp()
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.ToMillis("foo", null, Now));
        Assert.Equal("The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given \"foo\"", error.Message);
    }

    [Fact]
    public void An_unknown_name_unsets_a_component_an_earlier_marker_gave()
    {
        // jsonata-js stores undefined for "MARCH" (its names are case-sensitive), so no month is given at all and the
        // whole date comes from the evaluation's time (2018-03-23T10:33:36.617Z here).
        long now = 1_521_801_216_617;
        Assert.Equal(JsonNumber.FromDouble(now), FormattingFunctions.ToMillis("3/5/MARCH", "[M]/[F1]/[MNn]", now));
    }

    [Theory]
    [InlineData("2018-02-01T10:00:00", 1517479200000d)]
    [InlineData("2018-02-01T10:00:00.123456789+05:30", 1517459400123d)]
    [InlineData("2018-02-31", 1520035200000d)]
    [InlineData("2018-02-01T24:00:00Z", 1517529600000d)]
    [InlineData("2018Z", 1514764800000d)]
    [InlineData("2018T10:00:00Z", 1514800800000d)]
    public void ISO_timestamps_read_as_JavaScript_Date_parse_reads_them(string timestamp, double expected)
    {
        Assert.Equal(JsonNumber.FromDouble(expected), FormattingFunctions.ToMillis(timestamp, null, Now));
    }

    [Theory]
    [InlineData("2018-13-01")]
    [InlineData("2018-02-00")]
    [InlineData("2018-02-01T25:00:00Z")]
    [InlineData("2018-02-01T10:00:00+2959")]
    [InlineData("2018-02-01+01:00")]
    public void Impossible_ISO_timestamps_read_as_null_where_jsonata_js_yields_NaN(string timestamp)
    {
        Assert.Equal(JsonValue.Null, FormattingFunctions.ToMillis(timestamp, null, Now));
    }
}
