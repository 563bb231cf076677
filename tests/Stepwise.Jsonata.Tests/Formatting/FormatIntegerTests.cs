using Stepwise.Json;
using Stepwise.Jsonata.Functions.Formatting;

namespace Stepwise.Jsonata.Tests.Formatting;

/// <summary>$formatInteger, from the jsonata-js suite (function-formatInteger/formatInteger.json, case index per line). Case 0 (an undefined first argument) is the engine's.</summary>
public sealed class FormatIntegerTests
{
    [Theory]
    [InlineData(123d, "000", "123")] // formatInteger.json#1
    [InlineData(123d, "0000", "0123")] // formatInteger.json#2
    [InlineData(-3d, "0000", "-0003")] // formatInteger.json#3
    [InlineData(1234d, "0;c", "1234")] // formatInteger.json#4
    [InlineData(1234d, "###0", "1234")] // formatInteger.json#5
    [InlineData(12d, "###0", "12")] // formatInteger.json#6
    [InlineData(12.6, "###0", "12")] // formatInteger.json#7
    [InlineData(123d, "000;o", "123rd")] // formatInteger.json#8
    [InlineData(1d, "0;o", "1st")] // formatInteger.json#9
    [InlineData(28d, "#0;o", "28th")] // formatInteger.json#10
    [InlineData(1234d, "###0;o", "1234th")] // formatInteger.json#11
    [InlineData(12d, "###0;o", "12th")] // formatInteger.json#12
    [InlineData(12340d, "###١", "١٢٣٤٠")] // formatInteger.json#13
    [InlineData(12340d, "###０", "１２３４０")] // formatInteger.json#14
    [InlineData(12d, "#,##0", "12")] // formatInteger.json#16
    [InlineData(1200d, "#,##0", "1,200")] // formatInteger.json#17
    [InlineData(120000d, "#,##0", "120,000")] // formatInteger.json#18
    [InlineData(12345678d, "#,##0", "12,345,678")] // formatInteger.json#19
    [InlineData(1234567890d, "#,##0", "1,234,567,890")] // formatInteger.json#20
    [InlineData(1234567890d, "#,###,##0", "1,234,567,890")] // formatInteger.json#21
    [InlineData(1234567890d, "#:###,##0", "1234:567,890")] // formatInteger.json#22
    [InlineData(1234567890d, "##,##,##0", "12345,67,890")] // formatInteger.json#23
    [InlineData(0d, "I", "")] // formatInteger.json#24
    [InlineData(1984d, "I", "MCMLXXXIV")] // formatInteger.json#25
    [InlineData(99d, "i", "xcix")] // formatInteger.json#26
    [InlineData(12d, "w", "twelve")] // formatInteger.json#27
    [InlineData(20d, "w", "twenty")] // formatInteger.json#28
    [InlineData(34d, "w", "thirty-four")] // formatInteger.json#29
    [InlineData(99d, "W", "NINETY-NINE")] // formatInteger.json#30
    [InlineData(100d, "w", "one hundred")] // formatInteger.json#31
    [InlineData(555d, "W", "FIVE HUNDRED AND FIFTY-FIVE")] // formatInteger.json#32
    [InlineData(555d, "Ww", "Five Hundred and Fifty-Five")] // formatInteger.json#33
    [InlineData(919d, "w", "nine hundred and nineteen")] // formatInteger.json#34
    [InlineData(730d, "w", "seven hundred and thirty")] // formatInteger.json#35
    [InlineData(1000d, "w", "one thousand")] // formatInteger.json#36
    [InlineData(3730d, "w", "three thousand, seven hundred and thirty")] // formatInteger.json#37
    [InlineData(327730d, "w", "three hundred and twenty-seven thousand, seven hundred and thirty")] // formatInteger.json#38
    [InlineData(4327730d, "w", "four million, three hundred and twenty-seven thousand, seven hundred and thirty")] // formatInteger.json#39
    [InlineData(1000000000001d, "w", "one trillion and one")] // formatInteger.json#40
    [InlineData(1234567890123d, "w", "one trillion, two hundred and thirty-four billion, five hundred and sixty-seven million, eight hundred and ninety thousand, one hundred and twenty-three")] // formatInteger.json#41
    [InlineData(1000000000000000d, "w", "one thousand trillion")] // formatInteger.json#42
    [InlineData(1e+46, "w", "ten billion trillion trillion trillion")] // formatInteger.json#43
    [InlineData(1234567890123456d, "w", "one thousand, two hundred and thirty-four trillion, five hundred and sixty-seven billion, eight hundred and ninety million, one hundred and twenty-three thousand, four hundred and fifty-six")] // formatInteger.json#44
    [InlineData(12d, "w;o", "twelfth")] // formatInteger.json#45
    [InlineData(20d, "w;o", "twentieth")] // formatInteger.json#46
    [InlineData(34d, "w;o", "thirty-fourth")] // formatInteger.json#47
    [InlineData(99d, "W;o", "NINETY-NINTH")] // formatInteger.json#48
    [InlineData(100d, "w;o", "one hundredth")] // formatInteger.json#49
    [InlineData(555d, "W;o", "FIVE HUNDRED AND FIFTY-FIFTH")] // formatInteger.json#50
    [InlineData(919d, "w;o", "nine hundred and nineteenth")] // formatInteger.json#51
    [InlineData(730d, "w;o", "seven hundred and thirtieth")] // formatInteger.json#52
    [InlineData(1000d, "w;o", "one thousandth")] // formatInteger.json#53
    [InlineData(3731d, "w;o", "three thousand, seven hundred and thirty-first")] // formatInteger.json#54
    [InlineData(327713d, "w;o", "three hundred and twenty-seven thousand, seven hundred and thirteenth")] // formatInteger.json#55
    [InlineData(4327732d, "w;o", "four million, three hundred and twenty-seven thousand, seven hundred and thirty-second")] // formatInteger.json#56
    [InlineData(1000000000001d, "w;o", "one trillion and first")] // formatInteger.json#57
    [InlineData(1d, "A", "A")] // formatInteger.json#58
    [InlineData(12d, "a", "l")] // formatInteger.json#59
    [InlineData(26d, "a", "z")] // formatInteger.json#60
    [InlineData(27d, "a", "aa")] // formatInteger.json#61
    [InlineData(300d, "A", "KN")] // formatInteger.json#62
    [InlineData(123456d, "A", "FZPH")] // formatInteger.json#63
    public void Pictures_format_the_integer_as_jsonata_does(double number, string picture, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FormatInteger(number, picture));
    }

    [Theory]
    [InlineData(12340d, "##0０", "D3131")] // formatInteger.json#15
    [InlineData(123456d, "α", "D3130")] // formatInteger.json#64
    public void Unsupported_pictures_raise_the_jsonata_error(double number, string picture, string code)
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FormatInteger(number, picture));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void An_unsupported_sequence_names_its_token_in_the_message()
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FormatInteger(1, "α"));
        Assert.Equal("Formatting or parsing an integer as a sequence starting with \"α\" is not supported by this implementation", error.Message);
    }

    [Theory]
    [InlineData(1e21, "0", "1e+21")]
    [InlineData(-0.5, "w", "-one")]
    [InlineData(11, "0;o", "11th")]
    [InlineData(-21, "#0;o", "-21st")]
    [InlineData(-162, ",19#0 ", "-,2 ")]
    [InlineData(-159, ":#\uff10#,\uff11", "-:,\uff19")]
    public void Edge_values_match_the_reference_implementation(double number, string picture, string expected)
    {
        Assert.Equal(expected, FormattingFunctions.FormatInteger(number, picture));
    }

    [Fact]
    public void Roman_numerals_beyond_what_jsonata_js_can_recurse_through_fail_with_U1001()
    {
        Assert.Equal(5_000_000 / 1000, FormattingFunctions.FormatInteger(5_000_000, "i").Length);
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.FormatInteger(1e9, "I"));
        Assert.Equal("U1001", error.Code);
    }
}
