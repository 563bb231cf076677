using Stepwise.Json;
using Stepwise.Jsonata.Functions.Formatting;

namespace Stepwise.Jsonata.Tests.Formatting;

/// <summary>
/// $fromMillis, from the jsonata-js suite (function-fromMillis: caseNNN.json, formatDateTime.json and isoWeekDate.json,
/// case index per line). The undefined-argument cases (case002, formatDateTime#0) are the engine's.
/// </summary>
public sealed class FromMillisTests
{
    [Theory]
    [InlineData(1d, null, null, "1970-01-01T00:00:00.001Z")] // case000.json
    [InlineData(1509380732935d, null, null, "2017-10-30T16:25:32.935Z")] // case001.json
    [InlineData(1521801216617d, "Hello", null, "Hello")] // formatDateTime.json#1
    [InlineData(1521801216617d, "Year: [Y0001]", null, "Year: 2018")] // formatDateTime.json#2
    [InlineData(1521801216617d, "Year: <[Y0001]>", null, "Year: <2018>")] // formatDateTime.json#3
    [InlineData(1521801216617d, "Year: <[Y9,999,*]>", null, "Year: <2,018>")] // formatDateTime.json#4
    [InlineData(1521801216617d, "[[Year: <[Y0001]>", null, "[Year: <2018>")] // formatDateTime.json#5
    [InlineData(1521801216617d, "Year]]: <[Y0001]>", null, "Year]: <2018>")] // formatDateTime.json#6
    [InlineData(1521801216617d, "[[Year]]: [[[Y0001]]]", null, "[Year]: [2018]")] // formatDateTime.json#7
    [InlineData(1521801216617d, "[D#1]/[M#1]/[Y0001]", null, "23/3/2018")] // formatDateTime.json#8
    [InlineData(1522616700000d, "[F0] [FNn]", null, "7 Sunday")] // formatDateTime.json#9
    [InlineData(1522703100000d, "[F0] [FNn]", null, "1 Monday")] // formatDateTime.json#10
    [InlineData(1521801216617d, "[Y0001]-[M01]-[D01]", null, "2018-03-23")] // formatDateTime.json#11
    [InlineData(1521801216617d, "[M01]/[D01]/[Y0001] at [H01]:[m01]:[s01]", null, "03/23/2018 at 10:33:36")] // formatDateTime.json#12
    [InlineData(1521801216617d, "[Y]-[M01]-[D01]T[H01]:[m]:[s].[f001][Z01:01t]", null, "2018-03-23T10:33:36.617Z")] // formatDateTime.json#13
    [InlineData(1521801216617d, "[Y]-[ M01]-[D 01]T[H01 ]:[ m   ]:[s].[f0  01][Z01:\n 01t]", null, "2018-03-23T10:33:36.617Z")] // formatDateTime.json#14
    [InlineData(1521801216617d, "[Y]-[M01]-[D01]T[H01]:[m]:[s].[f001][Z0101t]", "+0100", "2018-03-23T11:33:36.617+0100")] // formatDateTime.json#15
    [InlineData(1531310400000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s][Z01:01]", null, "2018-07-11T12:00:00+00:00")] // formatDateTime.json#16
    [InlineData(1531310400000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s][Z01:01t]", null, "2018-07-11T12:00:00Z")] // formatDateTime.json#17
    [InlineData(1531310400000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s][Z]", "-0500", "2018-07-11T07:00:00-05:00")] // formatDateTime.json#18
    [InlineData(1531310400000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s][Z0]", "-0500", "2018-07-11T07:00:00-5")] // formatDateTime.json#19
    [InlineData(1531310400000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s][Z]", "+1000", "2018-07-11T22:00:00+10:00")] // formatDateTime.json#20
    [InlineData(1531310400000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s][Z0]", "+1000", "2018-07-11T22:00:00+10")] // formatDateTime.json#21
    [InlineData(1531310400000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s][Z0]", "+0530", "2018-07-11T17:30:00+5:30")] // formatDateTime.json#22
    [InlineData(1531310400000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s][z]", "-0500", "2018-07-11T07:00:00GMT-05:00")] // formatDateTime.json#23
    [InlineData(1204405500000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s].[f001][Z0101t]", "+0530", "2008-03-02T02:35:00.000+0530")] // formatDateTime.json#24
    [InlineData(1230757500000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s].[f001][Z0101t]", "+0530", "2009-01-01T02:35:00.000+0530")] // formatDateTime.json#25
    [InlineData(1521801216617d, "[D#1,2]/[M1,2]/[Y,2]", null, "23/03/18")] // formatDateTime.json#27
    [InlineData(1521801216617d, "[D#1,2]/[M1,2]/[Y0001,2]", null, "23/03/2018")] // formatDateTime.json#28
    [InlineData(1521801216617d, "[D#1,2]/[M1,2]/[Y##01,2-2]", null, "23/03/18")] // formatDateTime.json#29
    [InlineData(1521801216617d, "[D#1,2]/[M1,2]/[Y0001,2-2]", null, "23/03/18")] // formatDateTime.json#30
    [InlineData(1521801216617d, "[D1] [M01] [YI]", null, "23 03 MMXVIII")] // formatDateTime.json#31
    [InlineData(1521801216617d, "[Da] [MA] [Yi]", null, "w C mmxviii")] // formatDateTime.json#32
    [InlineData(1521801216617d, "[D1o] [M01] [Y]", null, "23rd 03 2018")] // formatDateTime.json#33
    [InlineData(1521801216617d, "[Yw]", null, "two thousand and eighteen")] // formatDateTime.json#34
    [InlineData(1521801216617d, "[Dwo] [M01] [Y]", null, "twenty-third 03 2018")] // formatDateTime.json#35
    [InlineData(1521801216617d, "[D1o] [MNn] [Y]", null, "23rd March 2018")] // formatDateTime.json#36
    [InlineData(1521801216617d, "[D1o] [MN] [Y]", null, "23rd MARCH 2018")] // formatDateTime.json#37
    [InlineData(1521801216617d, "[FNn], [D1o] [MNn] [Y]", null, "Friday, 23rd March 2018")] // formatDateTime.json#38
    [InlineData(1521801216617d, "[FNn], the [Dwo] of [MNn] [Y] [E]", null, "Friday, the twenty-third of March 2018 ISO")] // formatDateTime.json#39
    [InlineData(1521801216617d, "[FNn,3-3], [D1o] [MNn,3-3] [Y] [C]", null, "Fri, 23rd Mar 2018 ISO")] // formatDateTime.json#40
    [InlineData(1521801216617d, "[F], [D]/[M]/[Y] [h]:[m]:[s] [P]", null, "friday, 23/3/2018 10:33:36 am")] // formatDateTime.json#41
    [InlineData(1204405500000d, "[F], [D]/[M]/[Y] [h]:[m]:[s] [P]", null, "saturday, 1/3/2008 9:05:00 pm")] // formatDateTime.json#42
    [InlineData(1199664000000d, "[F], [D]/[M]/[Y] [h]:[m]:[s] [P]", null, "monday, 7/1/2008 12:00:00 am")] // formatDateTime.json#43
    [InlineData(1514808000000d, "[dwo] day of the year", null, "first day of the year")] // formatDateTime.json#44
    [InlineData(1546257600000d, "[d] days in [Y0001]", null, "365 days in 2018")] // formatDateTime.json#45
    [InlineData(1483185600000d, "[d] days in [Y0001]", null, "366 days in 2016")] // formatDateTime.json#46
    [InlineData(1514808000000d, "Week: [W]", null, "Week: 1")] // formatDateTime.json#47
    [InlineData(1515326400000d, "Week: [W]", null, "Week: 1")] // formatDateTime.json#48
    [InlineData(1545739200000d, "Week: [W]", null, "Week: 52")] // formatDateTime.json#49
    [InlineData(1388577600000d, "Week: [W]", null, "Week: 1")] // formatDateTime.json#50
    [InlineData(1419854400000d, "Week: [W]", null, "Week: 1")] // formatDateTime.json#51
    [InlineData(1419768000000d, "Week: [W]", null, "Week: 52")] // formatDateTime.json#52
    [InlineData(1419336000000d, "Week: [W]", null, "Week: 52")] // formatDateTime.json#53
    [InlineData(1420113600000d, "Week: [W]", null, "Week: 1")] // formatDateTime.json#54
    [InlineData(1420459200000d, "Week: [W]", null, "Week: 2")] // formatDateTime.json#55
    [InlineData(1451304000000d, "Week: [W]", null, "Week: 53")] // formatDateTime.json#56
    [InlineData(1451563200000d, "Week: [W]", null, "Week: 53")] // formatDateTime.json#57
    [InlineData(1451736000000d, "Week: [W]", null, "Week: 53")] // formatDateTime.json#58
    [InlineData(1359460800000d, "Week: [w] of [xNn]", null, "Week: 5 of January")] // formatDateTime.json#59
    [InlineData(1359633600000d, "Week: [w] of [xNn]", null, "Week: 5 of January")] // formatDateTime.json#60
    [InlineData(1359720000000d, "Week: [w] of [xNn]", null, "Week: 5 of January")] // formatDateTime.json#61
    [InlineData(1514808000000d, "Week: [w] of [xNn]", null, "Week: 1 of January")] // formatDateTime.json#62
    [InlineData(1483272000000d, "Week: [w] of [xNn]", null, "Week: 5 of December")] // formatDateTime.json#63
    [InlineData(1533038400000d, "Week: [w] of [xNn]", null, "Week: 1 of August")] // formatDateTime.json#64
    [InlineData(1419940800000d, "Week: [w] of [xNn]", null, "Week: 1 of January")] // formatDateTime.json#65
    [InlineData(1521801216617d, "[F], [D]/[M]/[Y] [h]:[m]:[s] [PN]", null, "friday, 23/3/2018 10:33:36 AM")] // formatDateTime.json#67
    [InlineData(1521801216617d, "[F], [D]/[M]/[Y] [h]:[m]:[s] [Pn]", null, "friday, 23/3/2018 10:33:36 am")] // formatDateTime.json#68
    public void Pictures_format_the_timestamp_as_jsonata_does(double millis, string? picture, string? timezone, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FromMillis(millis, picture, timezone));
    }

    [Theory]
    [InlineData(1230757500000d, "[Y]-[M01]-[D01]T[H01]:[m]:[s].[f001][Z010101t]", "+0530", "D3134")] // formatDateTime.json#26
    [InlineData(1419940800000d, "[YN]-[M]-[D]", null, "D3133")] // formatDateTime.json#69
    [InlineData(1419940800000d, "[YN]-[M", null, "D3135")] // formatDateTime.json#70
    public void Invalid_pictures_raise_the_jsonata_error(double millis, string? picture, string? timezone, string code)
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FromMillis(millis, picture, timezone));
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("2005-01-01", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2004-W53-6")] // isoWeekDate.json#0
    [InlineData("2005-01-02", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2004-W53-7")] // isoWeekDate.json#1
    [InlineData("2005-12-31", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2005-W52-6")] // isoWeekDate.json#2
    [InlineData("2006-01-01", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2005-W52-7")] // isoWeekDate.json#3
    [InlineData("2006-01-02", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2006-W01-1")] // isoWeekDate.json#4
    [InlineData("2006-12-31", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2006-W52-7")] // isoWeekDate.json#5
    [InlineData("2007-01-01", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2007-W01-1")] // isoWeekDate.json#6
    [InlineData("2007-12-30", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2007-W52-7")] // isoWeekDate.json#7
    [InlineData("2007-12-31", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2008-W01-1")] // isoWeekDate.json#8
    [InlineData("2008-01-01", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2008-W01-2")] // isoWeekDate.json#9
    [InlineData("2008-12-28", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2008-W52-7")] // isoWeekDate.json#10
    [InlineData("2008-12-29", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2009-W01-1")] // isoWeekDate.json#11
    [InlineData("2008-12-30", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2009-W01-2")] // isoWeekDate.json#12
    [InlineData("2008-12-31", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2009-W01-3")] // isoWeekDate.json#13
    [InlineData("2009-01-01", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2009-W01-4")] // isoWeekDate.json#14
    [InlineData("2009-12-31", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2009-W53-4")] // isoWeekDate.json#15
    [InlineData("2010-01-01", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2009-W53-5")] // isoWeekDate.json#16
    [InlineData("2010-01-02", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2009-W53-6")] // isoWeekDate.json#17
    [InlineData("2010-01-03", "[Y]-[M]-[D]", "[X0001]-W[W01]-[F1]", "2009-W53-7")] // isoWeekDate.json#18
    public void ISO_week_dates_give_the_week_numbering_year_and_week(string date, string datePicture, string weekPicture, string expected)
    {
        var millis = Assert.IsType<JsonNumber>(FormattingFunctions.ToMillis(date, datePicture, nowMillis: 0));
        Assert.Equal(expected, FormattingFunctions.FromMillis(millis.ToDouble(), weekPicture, null));
    }

    [Fact]
    public void The_default_picture_is_ISO_8601_in_the_given_offset()
    {
        // formatDateTime.json#66: $fromMillis(), $fromMillis($, (), '-0500'), $fromMillis($, (), '0000').
        var millis = Assert.IsType<JsonNumber>(FormattingFunctions.ToMillis("2018-10-21T13:05:00Z", null, nowMillis: 0)).ToDouble();
        Assert.Equal("2018-10-21T13:05:00.000Z", FormattingFunctions.FromMillis(millis, null, null));
        Assert.Equal("2018-10-21T08:05:00.000-05:00", FormattingFunctions.FromMillis(millis, null, "-0500"));
        Assert.Equal("2018-10-21T13:05:00.000Z", FormattingFunctions.FromMillis(millis, null, "0000"));
    }

    [Theory]
    [InlineData(8.64e15 + 1, "[MNn]", null)]
    [InlineData(1709251199999, "[F]", "abc")]
    [InlineData(8.64e15, "[Yw]", "+0530")]
    public void Names_and_words_of_an_invalid_date_fail_with_D3001(double millis, string picture, string? timezone)
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FromMillis(millis, picture, timezone));
        Assert.Equal("D3001", error.Code);
    }

    [Theory]
    [InlineData(8.64e15 + 1, "[Y0001]-[M01]", null, "0NaN-NaN")]
    [InlineData(0, null, "abc", "0NaN-NaN-NaNTNaN:NaN:NaN.NaN0N:aN")]
    [InlineData(1.5, null, null, "1970-01-01T00:00:00.001Z")]
    [InlineData(-62198755200000, null, null, "-0001-01-01T00:00:00.000Z")]
    [InlineData(0, "[q1]", null, "undefined")]
    public void Edge_values_match_the_reference_implementation(double millis, string? picture, string? timezone, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FromMillis(millis, picture, timezone));
    }

    [Fact]
    public void A_negative_half_hour_offset_is_read_as_jsonata_js_reads_it()
    {
        // jsonata-js splits -0530 into floor(-5.3) = -6 hours and -30 minutes: a -6:30 shift, printed as such.
        Assert.Equal("1969-12-31T17:30:00.000-6:-30", FormattingFunctions.FromMillis(0, "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z0]", "-0530"));
    }
}
