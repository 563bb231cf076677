using System.Text;
using Stepwise.Json;

namespace Stepwise.Json.Tests;

public sealed class JsonValueTests
{
    [Theory]
    [InlineData("0.0", "0.0")]
    [InlineData("1.50", "1.5")]
    [InlineData("1e10", "1.0E10")]
    [InlineData("1.5e-7", "1.5E-7")]
    [InlineData("123456.789", "123456.789")]
    [InlineData("10000000.0", "1.0E7")]
    [InlineData("0.001", "0.001")]
    [InlineData("0.0001", "1.0E-4")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("-7", "-7")]
    public void Number_literals_are_written_back_as_Jackson_writes_them(string literal, string expected)
    {
        Assert.Equal(expected, JsonValue.Parse(literal).ToJsonString());
    }

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(123e-20, "1.23e-18")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-1e300, "-1e+300")]
    public void Computed_doubles_are_written_as_JavaScript_writes_them(double value, string expected)
    {
        Assert.Equal(expected, JsonNumber.FromDouble(value).ToJsonString());
    }

    [Fact]
    public void Objects_keep_key_order_and_a_repeated_key_keeps_its_first_position()
    {
        var value = JsonValue.Parse("""{"b":1,"a":2,"b":3}""");
        Assert.Equal("""{"b":3,"a":2}""", value.ToJsonString());
    }

    [Fact]
    public void Strings_escape_only_quotes_backslashes_and_control_characters()
    {
        var value = JsonValue.Parse("\"a\\\"b\\\\c\\n\\u0001 é 😀 </>\"");
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001 é 😀 </>\"", value.ToJsonString());
        Assert.Equal(Encoding.UTF8.GetByteCount(value.ToJsonString()), value.GetUtf8Size());
    }

    [Fact]
    public void Every_control_character_escapes_in_its_short_or_unicode_form_wherever_it_falls_in_a_long_string()
    {
        var text = new StringBuilder();
        var expected = new StringBuilder("\"");
        for (int c = 0; c < 0x20; c++)
        {
            // Long unescaped runs between the escapes, as in a payload carried as JSON text.
            string run = new('x', c * 7);
            text.Append(run).Append((char)c);
            string escaped = c switch
            {
                '\b' => "\\b", '\t' => "\\t", '\n' => "\\n", '\f' => "\\f", '\r' => "\\r",
                _ => "\\u00" + c.ToString("X2", System.Globalization.CultureInfo.InvariantCulture),
            };
            expected.Append(run).Append(escaped);
        }

        text.Append("\"\\ end");
        expected.Append("\\\"\\\\ end\"");

        Assert.Equal(expected.ToString(), JsonValue.Parse(((JsonValue)text.ToString()).ToJsonString()).ToJsonString());
    }

    [Fact]
    public void Equality_ignores_key_order_and_number_spelling()
    {
        Assert.Equal(JsonValue.Parse("""{"a":1,"b":[1.0,"x"]}"""), JsonValue.Parse("""{"b":[1,"x"],"a":1.0}"""));
        Assert.NotEqual(JsonValue.Parse("""{"a":1}"""), JsonValue.Parse("""{"a":"1"}"""));
        Assert.Equal(JsonValue.Parse("[1.0]").GetHashCode(), JsonValue.Parse("[1]").GetHashCode());
    }

    [Fact]
    public void With_replaces_in_place_and_appends_new_keys_without_touching_the_original()
    {
        var original = JsonValue.Parse("""{"a":1,"b":2}""").AsObject();
        Assert.Equal("""{"a":9,"b":2}""", original.With("a", 9L).ToJsonString());
        Assert.Equal("""{"a":1,"b":2,"c":3}""", original.With("c", 3L).ToJsonString());
        Assert.Equal("""{"a":1,"b":2}""", original.ToJsonString());
    }

    [Fact]
    public void Large_objects_are_looked_up_by_hash()
    {
        var builder = new JsonObjectBuilder();
        for (int i = 0; i < 100; i++)
        {
            builder.Set("k" + i, i);
        }

        var obj = builder.ToObject();
        Assert.Equal(57L, obj["k57"]!.AsNumber().TryGetInt64(out long v) ? v : -1);
        Assert.Null(obj["missing"]);
    }

    [Fact]
    public void Deep_nesting_beyond_Jacksons_limit_is_a_parse_error_not_a_crash()
    {
        string deep = new string('[', 5000) + new string(']', 5000);
        Assert.Throws<JsonParseException>(() => JsonValue.Parse(deep));
        string ok = new string('[', 900) + new string(']', 900);
        Assert.Equal(ok, JsonValue.Parse(ok).ToJsonString());
    }

    [Theory]
    [InlineData("{\"a\":}")]
    [InlineData("")]
    [InlineData("[1,]")]
    [InlineData("{} {}")]
    public void Invalid_text_is_a_parse_error_with_a_position(string text)
    {
        Assert.False(JsonValue.TryParse(text, out _, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Pointers_escape_and_resolve()
    {
        string pointer = JsonPointer.Append(JsonPointer.Append("", "States"), "a/b~c");
        Assert.Equal("/States/a~1b~0c", pointer);
        var root = JsonValue.Parse("""{"States":{"a/b~c":[10,20]}}""");
        Assert.Equal(JsonValue.Parse("20"), JsonPointer.Resolve(root, pointer + "/1"));
    }

    [Fact]
    public void The_spaced_layout_writes_as_Pythons_json_dumps_does()
    {
        var value = JsonValue.Parse("""{"a":[1,{"b":null}],"c":"x"}""");
        Assert.Equal("""{"a": [1, {"b": null}], "c": "x"}""", value.ToJsonString(JsonLayout.Spaced));
    }

    [Fact]
    public void The_indented_layout_nests_two_spaces_and_keeps_empty_containers_on_one_line()
    {
        var value = JsonValue.Parse("""{"a":[1,{}],"b":[]}""");
        Assert.Equal("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}", value.ToIndentedJsonString());
    }

    [Fact]
    public void Writing_a_value_caches_its_own_text_and_its_childrens_but_not_deeper_levels()
    {
        // Caching every level would hold depth × size characters for a deeply nested payload.
        var root = JsonValue.Parse("""{"a":{"b":{"c":[1,2,3]}}}""").AsObject();
        string text = root.ToJsonString();

        var a = root["a"]!.AsObject();
        var b = a["b"]!.AsObject();
        Assert.Equal("""{"a":{"b":{"c":[1,2,3]}}}""", text);
        Assert.Same(text, root.CachedCompactText);
        Assert.Equal("""{"b":{"c":[1,2,3]}}""", a.CachedCompactText);
        Assert.Null(b.CachedCompactText);
        Assert.Equal("""{"b":{"c":[1,2,3]}}""", a.ToJsonString());
        Assert.Null(b.CachedCompactText);
    }
}
