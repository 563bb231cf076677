using Stepwise.Json;
using Stepwise.Jsonata.Functions.Formatting;

namespace Stepwise.Jsonata.Tests.Formatting;

/// <summary>$formatBase, from the jsonata-js suite (function-formatBase). case001 (undefined) is the engine's; case008 is 5890840712243076 from its input.</summary>
public sealed class FormatBaseTests
{
    [Theory]
    [InlineData(100d, null, "100")] // case000.json
    [InlineData(100d, 2d, "1100100")] // case002.json
    [InlineData(-100d, 2d, "-1100100")] // case003.json
    [InlineData(100d, 36d, "2s")] // case004.json
    [InlineData(99.5, 2.5, "1100100")] // case005.json
    public void Numbers_are_written_in_the_radix(double number, double? radix, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FormatBase(number, radix));
    }

    [Theory]
    [InlineData(100d, 1d, "D3100")] // case006.json
    [InlineData(100d, 37d, "D3100")] // case007.json
    public void Radixes_outside_2_to_36_raise_D3100(double number, double? radix, string code)
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FormatBase(number, radix));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void The_radix_defaults_to_ten()
    {
        Assert.Equal("100", FormattingFunctions.FormatBase(100, null));
        Assert.Equal("5890840712243076", FormattingFunctions.FormatBase(5890840712243076, null));
    }

    [Fact]
    public void The_D3100_message_gives_the_rounded_radix()
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FormatBase(100, 37));
        Assert.Equal("The radix of the formatBase function must be between 2 and 36.  It was given 37", error.Message);
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(-0.5, "0")]
    [InlineData(2.5, "2")]
    public void Edge_values_match_the_reference_implementation(double number, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FormatBase(number, null));
    }

    [Fact]
    public void Digits_below_double_precision_are_written_as_zeros_as_V8_does()
    {
        Assert.Equal("5v1j4f4ds7c000", FormattingFunctions.FormatBase(1e21, 36));
        Assert.Equal("1fffffffffffff", FormattingFunctions.FormatBase(9007199254740991, 16));
    }
}
