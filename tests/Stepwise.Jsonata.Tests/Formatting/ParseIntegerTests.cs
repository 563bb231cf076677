using Stepwise.Json;
using Stepwise.Jsonata.Functions.Formatting;

namespace Stepwise.Jsonata.Tests.Formatting;

/// <summary>$parseInteger, from the jsonata-js suite (function-parseInteger/parseInteger.json, case index per line). Case 0 (an undefined first argument) is the engine's.</summary>
public sealed class ParseIntegerTests
{
    [Theory]
    [InlineData("123", "000", 123)] // parseInteger.json#1
    [InlineData("0123", "0000", 123)] // parseInteger.json#2
    [InlineData("1234", "0", 1234)] // parseInteger.json#3
    [InlineData("1234", "###0", 1234)] // parseInteger.json#4
    [InlineData("12", "###0", 12)] // parseInteger.json#5
    [InlineData("123rd", "000;o", 123)] // parseInteger.json#6
    [InlineData("1st", "0;o", 1)] // parseInteger.json#7
    [InlineData("28th", "#0;o", 28)] // parseInteger.json#8
    [InlineData("1234th", "###0;o", 1234)] // parseInteger.json#9
    [InlineData("12th", "###0;o", 12)] // parseInteger.json#10
    [InlineData("١٢٣٤٠", "###١", 12340)] // parseInteger.json#11
    [InlineData("１２３４０", "###０", 12340)] // parseInteger.json#12
    [InlineData("12", "#,##0", 12)] // parseInteger.json#13
    [InlineData("1,200", "#,##0", 1200)] // parseInteger.json#14
    [InlineData("12,345,678", "#,##0", 12345678)] // parseInteger.json#15
    [InlineData("1,234,567,890", "#,##0", 1234567890)] // parseInteger.json#16
    [InlineData("1,234,567,890", "#,###,##0", 1234567890)] // parseInteger.json#17
    [InlineData("1234:567,890", "#:###,##0", 1234567890)] // parseInteger.json#18
    [InlineData("12345,67,890", "##,##,##0", 1234567890)] // parseInteger.json#19
    [InlineData("", "I", 0)] // parseInteger.json#20
    [InlineData("MCMLXXXIV", "I", 1984)] // parseInteger.json#21
    [InlineData("xcix", "i", 99)] // parseInteger.json#22
    [InlineData("twelve", "w", 12)] // parseInteger.json#23
    [InlineData("twenty", "w", 20)] // parseInteger.json#24
    [InlineData("thirty-four", "w", 34)] // parseInteger.json#25
    [InlineData("NINETY-NINE", "W", 99)] // parseInteger.json#26
    [InlineData("one hundred", "w", 100)] // parseInteger.json#27
    [InlineData("FIVE HUNDRED AND FIFTY-FIVE", "W", 555)] // parseInteger.json#28
    [InlineData("Five Hundred and Fifty-Five", "Ww", 555)] // parseInteger.json#29
    [InlineData("nine hundred and nineteen", "w", 919)] // parseInteger.json#30
    [InlineData("seven hundred and thirty", "w", 730)] // parseInteger.json#31
    [InlineData("one thousand", "w", 1000)] // parseInteger.json#32
    [InlineData("three thousand, seven hundred and thirty", "w", 3730)] // parseInteger.json#33
    [InlineData("three hundred and twenty-seven thousand, seven hundred and thirty", "w", 327730)] // parseInteger.json#34
    [InlineData("four million, three hundred and twenty-seven thousand, seven hundred and thirty", "w", 4327730)] // parseInteger.json#35
    [InlineData("one trillion and one", "w", 1000000000001)] // parseInteger.json#36
    [InlineData("one trillion, two hundred and thirty-four billion, five hundred and sixty-seven million, eight hundred and ninety thousand, one hundred and twenty-three", "w", 1234567890123)] // parseInteger.json#37
    [InlineData("one thousand trillion", "w", 1000000000000000)] // parseInteger.json#38
    [InlineData("ten billion trillion trillion trillion", "w", 1e+46)] // parseInteger.json#39
    [InlineData("twelfth", "w;o", 12)] // parseInteger.json#40
    [InlineData("twentieth", "w;o", 20)] // parseInteger.json#41
    [InlineData("thirty-fourth", "w;o", 34)] // parseInteger.json#42
    [InlineData("NINETY-NINTH", "W;o", 99)] // parseInteger.json#43
    [InlineData("one hundredth", "w;o", 100)] // parseInteger.json#44
    [InlineData("FIVE HUNDRED AND FIFTY-FIFTH", "W;o", 555)] // parseInteger.json#45
    [InlineData("nine hundred and nineteenth", "w;o", 919)] // parseInteger.json#46
    [InlineData("seven hundred and thirtieth", "w;o", 730)] // parseInteger.json#47
    [InlineData("Seven Hundred and Thirty-Third", "Ww;o", 733)] // parseInteger.json#48
    [InlineData("one thousandth", "w;o", 1000)] // parseInteger.json#49
    [InlineData("three thousand, seven hundred and thirty-first", "w;o", 3731)] // parseInteger.json#50
    [InlineData("three hundred and twenty-seven thousand, seven hundred and thirteenth", "w;o", 327713)] // parseInteger.json#51
    [InlineData("four million, three hundred and twenty-seven thousand, seven hundred and thirty-second", "w;o", 4327732)] // parseInteger.json#52
    [InlineData("one trillion and first", "w;o", 1000000000001)] // parseInteger.json#53
    [InlineData("A", "A", 1)] // parseInteger.json#54
    [InlineData("l", "a", 12)] // parseInteger.json#55
    [InlineData("z", "a", 26)] // parseInteger.json#56
    [InlineData("aa", "a", 27)] // parseInteger.json#57
    [InlineData("KN", "A", 300)] // parseInteger.json#58
    [InlineData("FZPH", "A", 123456)] // parseInteger.json#59
    public void Strings_written_with_the_picture_read_back_as_numbers(string value, string picture, double expected)
    {
        Assert.Equal(JsonNumber.FromDouble(expected), FormattingFunctions.ParseInteger(value, picture));
    }

    [Theory]
    [InlineData("50", "#", "D3130")] // parseInteger.json#60
    public void Unsupported_pictures_raise_the_jsonata_error(string value, string picture, string code)
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.ParseInteger(value, picture));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Words_it_does_not_know_read_as_null_where_jsonata_js_yields_NaN()
    {
        Assert.Equal(JsonValue.Null, FormattingFunctions.ParseInteger("xyz", "w"));
    }

    [Fact]
    public void Characters_below_the_pictures_digit_family_raise_D3131()
    {
        var error = Assert.Throws<JsonataException>(() => FormattingFunctions.ParseInteger("2", "\u0660"));
        Assert.Equal("D3131", error.Code);
    }
}
