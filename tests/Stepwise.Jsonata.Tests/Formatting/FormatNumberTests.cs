using Stepwise.Json;
using Stepwise.Jsonata.Functions.Formatting;

namespace Stepwise.Jsonata.Tests.Formatting;

/// <summary>
/// $formatNumber, from the jsonata-js suite (function-formatNumber, named per case). case036 (an undefined first
/// argument) is the engine's: it returns undefined before calling the formatter.
/// </summary>
public sealed class FormatNumberTests
{
    [Theory]
    [InlineData(12345.6, "#,###.00", "12,345.60")] // case000.json
    [InlineData(12345678.9, "9,999.99", "12,345,678.90")] // case001.json
    [InlineData(123412345678.9, "9,9,99.99", "123412345,6,78.90")] // case002.json
    [InlineData(1234.56789, "9,999.999,999", "1,234.567,890")] // case003.json
    [InlineData(123.9, "9999", "0124")] // case004.json
    [InlineData(0.14, "01%", "14%")] // case005.json
    [InlineData(0.4857, "###.###‰", "485.7‰")] // case006.json
    [InlineData(-6d, "000", "-006")] // case008.json
    [InlineData(1234.5678, "00.000e0", "12.346e2")] // case009.json
    [InlineData(1234.5678, "00.000e000", "12.346e002")] // case010.json
    [InlineData(0.234, "0.0e0", "2.3e-1")] // case012.json
    [InlineData(0.234, "#.00e0", "0.23e0")] // case013.json
    [InlineData(0.123, "#.e9", "0.1e0")] // case014.json
    [InlineData(0.234, ".00e0", ".23e0")] // case015.json
    [InlineData(2392.14*(-36.58), "000,000.000###;###,###.000###", "87,504.4812")] // case016.json
    [InlineData(2.14*86.58, "PREFIX##00.000###SUFFIX", "PREFIX185.2812SUFFIX")] // case017.json
    [InlineData(1E20, "#,######", "100,000000,000000,000000")] // case018.json
    [InlineData(2d, "000.000", "002.000")] // case033.json
    [InlineData(0d, "0e0", "0e0")] // issue785.json#0
    [InlineData(-42d, "0e0", "-4e1")] // issue785.json#1
    [InlineData(42d, "0e0", "4e1")] // issue785.json#2
    [InlineData(0d, "0.00e0", "0.00e0")] // issue785.json#3
    public void Pictures_lay_the_number_out_as_jsonata_does(double number, string picture, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FormatNumber(number, picture, null));
    }

    [Theory]
    [InlineData(0.14, "###pm", "{\"per-mille\": \"pm\"}", "140pm")] // case007.json
    [InlineData(1234.5678, "①①.①①①e①", "{\"zero-digit\": \"⑟\"}", "①②.③④⑥e②")] // case011.json
    [InlineData(2d, "AAA.AAA", "{\"zero-digit\": \"A\"}", "AAC.AAA")] // case034.json
    [InlineData(0.1, "AeAAA", "{\"zero-digit\": \"A\"}", "Be-AAB")] // case035.json
    public void Options_override_the_decimal_format_properties(double number, string picture, string options, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FormatNumber(number, picture, JsonValue.Parse(options).AsObject()));
    }

    [Theory]
    [InlineData(20d, "#;#;#", "D3080")] // case019.json
    [InlineData(20d, "#.0.0", "D3081")] // case020.json
    [InlineData(20d, "#0%%", "D3082")] // case021.json
    [InlineData(20d, "#0‰‰", "D3083")] // case022.json
    [InlineData(20d, "#0%‰", "D3084")] // case023.json
    [InlineData(20d, ".e0", "D3085")] // case024.json
    [InlineData(20d, "0+.e0", "D3086")] // case025.json
    [InlineData(20d, "0,.e0", "D3087")] // case026.json
    [InlineData(20d, "0,", "D3088")] // case027.json
    [InlineData(20d, "0,,0", "D3089")] // case028.json
    [InlineData(20d, "0#.e0", "D3090")] // case029.json
    [InlineData(20d, "#0.#0e0", "D3091")] // case030.json
    [InlineData(20d, "#0.0e0%", "D3092")] // case031.json
    [InlineData(20d, "#0.0e0,0", "D3093")] // case032.json
    [InlineData(42d, "%%", "D3086")] // issue786.json#0
    [InlineData(42d, "‰‰", "D3086")] // issue786.json#1
    [InlineData(42d, "%‰", "D3086")] // issue786.json#2
    [InlineData(42d, "---", "D3086")] // issue786.json#3
    public void Invalid_pictures_raise_the_F_and_O_error(double number, string picture, string code)
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FormatNumber(number, picture, null));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void The_error_message_is_jsonata_js_text()
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FormatNumber(20, "#;#;#", null));
        Assert.Equal("The picture string must only contain a maximum of two sub-pictures", error.Message);
    }

    [Theory]
    [InlineData(1e21, "#", "1e+21")]
    [InlineData(-0.0001, "0.00", "-0.00")]
    [InlineData(0.125, "0.00", "0.12")]
    [InlineData(0.135, "0.00", "0.14")]
    [InlineData(1234567.891, "#,##0.0#", "1,234,567.89")]
    [InlineData(1.7976931348623157e308, "#,##0.00", "NaN.00")]
    [InlineData(9.897392992813789E13, "###,###,###.0###", "98,973,929,928,137.9063")]
    [InlineData(-3.776039147645253E13, "0.000#", "-37760391476452.5313")]
    public void Edge_values_match_the_reference_implementation(double number, string picture, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FormatNumber(number, picture, null));
    }

    [Fact]
    public void Properties_set_one_by_one_format_as_the_options_object_does()
    {
        // case007, through the overload the engine uses for objects it built itself.
        var properties = new DecimalFormatProperties();
        Assert.True(properties.Set("per-mille", "pm"));
        Assert.False(properties.Set("no-such-property", "x"));
        Assert.Equal("140pm", FormattingFunctions.FormatNumberWithProperties(0.14, "###pm", properties));
    }

    [Theory]
    [InlineData(1234.5, "#.##0,00", "{\"decimal-separator\": \",\", \"grouping-separator\": \".\"}", "1.234,50")]
    [InlineData(-5, "0.0", "{\"minus-sign\": \"~\"}", "~5.0")]
    [InlineData(12345, "0.0E0", "{\"exponent-separator\": \"E\"}", "1.2E4")]
    [InlineData(3.5, "x0.0", "{\"digit\": \"x\"}", "3.5")]
    public void Other_decimal_format_properties_match_the_reference_implementation(double number, string picture, string options, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FormatNumber(number, picture, JsonValue.Parse(options).AsObject()));
    }

    [Fact]
    public void Option_members_that_are_not_strings_are_ignored()
    {
        // jsonata-js fails with a JavaScript TypeError on a numeric zero-digit; here the default stays.
        var options = JsonValue.Parse("{\"zero-digit\": 1}").AsObject();
        Assert.Equal(FormattingFunctions.FormatNumber(3.5, "0.0", null), FormattingFunctions.FormatNumber(3.5, "0.0", options));
    }
}
