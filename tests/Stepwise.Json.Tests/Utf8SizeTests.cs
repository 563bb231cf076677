using System.Text;
using Stepwise.Json;

namespace Stepwise.Json.Tests;

public sealed class Utf8SizeTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("12345678901234567890123")]
    [InlineData("1e10")]
    [InlineData("-0.0001")]
    [InlineData("\"\"")]
    [InlineData("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f é 😀 </>\"")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""{"k\"ey":[1,2.5,{"é":null,"x":[true,false,[]]}],"s":"\u0000"}""")]
    [InlineData("""[{"a":{}},[[],[{}]],"z"]""")]
    public void A_value_measures_the_UTF8_bytes_of_its_compact_text_without_writing_it(string json)
    {
        // Measured first on a fresh value (no text written yet), then checked against the text.
        var value = JsonValue.Parse(json);
        int measured = value.GetUtf8Size();
        Assert.Equal(Encoding.UTF8.GetByteCount(value.ToJsonString()), measured);
    }

    [Fact]
    public void A_copy_that_shares_measured_subtrees_measures_the_same_as_its_text()
    {
        var input = JsonValue.Parse("""{"a":{"b":"ü","c":[1,2,3]},"d":"x"}""").AsObject();
        _ = input.GetUtf8Size();
        var output = input.With("r", JsonObject.Create(("i", (JsonValue)42), ("tag", "x"))).With("d", "longer ✓");

        Assert.Equal(Encoding.UTF8.GetByteCount(output.ToJsonString()), output.GetUtf8Size());
    }

    [Fact]
    public void Setting_members_of_a_measured_object_keeps_its_size_exact()
    {
        var empty = JsonObject.Empty;
        _ = empty.GetUtf8Size();
        var value = empty.With("a", "x");
        for (int n = 0; n < 12; n++)
        {
            // Past eight keys lookups go through the key index the copies share.
            value = value.With("k" + n, JsonArray.Create(n, "é\n")).With("a", JsonObject.Create(("n", (JsonValue)n)));
            Assert.Equal(Encoding.UTF8.GetByteCount(value.ToJsonString()), value.GetUtf8Size());
        }

        Assert.Equal(JsonValue.Parse("""{"n":11}"""), value["a"]);
        Assert.Equal(JsonArray.Create(7, "é\n"), value["k7"]);
        Assert.Null(value["k12"]);
    }

    [Fact]
    public void Computed_doubles_measure_as_JavaScript_writes_them()
    {
        var value = JsonArray.Create(JsonNumber.FromDouble(1e21), JsonNumber.FromDouble(0.1 + 0.2), JsonNumber.FromJavaDouble(1e-7));

        Assert.Equal(Encoding.UTF8.GetByteCount(value.ToJsonString()), value.GetUtf8Size());
    }

    [Fact]
    public void A_string_of_JSON_text_holds_the_compact_text_of_its_value()
    {
        var value = JsonValue.Parse("""{"a":[1,"é"],"b":{"c":null}}""");

        var text = JsonString.TextOf(value);

        Assert.Equal(value.ToJsonString(), text.Value);
        Assert.Equal(JsonValue.Parse("\"" + value.ToJsonString().Replace("\"", "\\\"", StringComparison.Ordinal) + "\""), text);
        Assert.Equal("\"{\\\"a\\\":[1,\\\"é\\\"],\\\"b\\\":{\\\"c\\\":null}}\"", text.ToJsonString());
        Assert.Equal(Encoding.UTF8.GetByteCount(text.ToJsonString()), JsonString.TextOf(value).GetUtf8Size());
    }
}
