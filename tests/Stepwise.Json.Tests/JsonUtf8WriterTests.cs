using System.Buffers;
using System.Text;

namespace Stepwise.Json.Tests;

/// <summary>The UTF-8 writer gives exactly the bytes of the string writer's text.</summary>
public sealed class JsonUtf8WriterTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,false,null],"c":{"d":"e"}}""")]
    [InlineData("""{"quote":"say \"hi\"","slash":"a\\b","lines":"x\ny\r\tz\b\f","control":"\u0001\u001f","unicode":"Zoë ☃ 𝄞"}""")]
    [InlineData("""[1.0,1e10,-0.5,123456789012345678901234567890,0,-7,3.14159]""")]
    [InlineData("""[]""")]
    [InlineData("""{}""")]
    [InlineData("\"plain\"")]
    public void A_value_is_written_as_the_utf8_of_its_compact_text(string json)
    {
        var value = JsonValue.Parse(json);

        Assert.Equal(Encoding.UTF8.GetBytes(value.ToJsonString()), Utf8(value));
    }

    [Fact]
    public void A_container_whose_text_is_cached_is_written_the_same_as_one_walked()
    {
        var walked = JsonValue.Parse("""{"n":{"name":"Zoë \"q\"","items":[1,2.5]}}""");
        var cached = JsonValue.Parse("""{"n":{"name":"Zoë \"q\"","items":[1,2.5]}}""");
        _ = cached.ToJsonString();

        Assert.Equal(Utf8(walked), Utf8(cached));
    }

    [Fact]
    public void A_string_is_written_quoted_and_escaped_as_the_string_writer_escapes_it()
    {
        string text = "tab\t quote\" backslash\\ nul\u0000 snow☃ clef𝄞" + new string('x', 300);
        var buffer = new ArrayBufferWriter<byte>();

        JsonUtf8Writer.WriteString(text, buffer);

        Assert.Equal(Encoding.UTF8.GetBytes(new JsonString(text).ToJsonString()), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_string_too_long_for_one_span_is_escaped_as_a_short_one_is()
    {
        string text = string.Concat(Enumerable.Repeat("\"key\": \"Zoë ☃\"\n\u0002", 8000));
        var buffer = new ArrayBufferWriter<byte>();

        JsonUtf8Writer.WriteString(text, buffer);

        Assert.True(buffer.WrittenCount > 64 * 1024);
        Assert.Equal(Encoding.UTF8.GetBytes(new JsonString(text).ToJsonString()), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_payload_text_written_as_a_string_escapes_its_quotes_once()
    {
        var payload = JsonValue.Parse("""{"s":"a \"b\" \\ c"}""");
        var text = JsonString.TextOf(payload);
        var buffer = new ArrayBufferWriter<byte>();

        JsonUtf8Writer.Write(text, buffer);

        Assert.Equal("""
            "{\"s\":\"a \\\"b\\\" \\\\ c\"}"
            """, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(26)]
    public void A_string_escaped_in_pieces_is_the_string_escaped_whole_and_each_piece_measures_what_it_writes(int split)
    {
        // Splits before, inside and after the escapes, and between two surrogate pairs.
        string text = "tab\t \"q\" \\ nul\u0000 ☃ 𝄞𝄞 Zoë";
        var whole = new ArrayBufferWriter<byte>();
        JsonUtf8Writer.WriteString(text, whole);
        var pieces = new ArrayBufferWriter<byte>();
        pieces.Write("\""u8);

        JsonUtf8Writer.WriteEscaped(text.AsSpan(0, split), pieces);
        int first = pieces.WrittenCount - 1;
        JsonUtf8Writer.WriteEscaped(text.AsSpan(split), pieces);
        pieces.Write("\""u8);

        Assert.Equal(whole.WrittenSpan.ToArray(), pieces.WrittenSpan.ToArray());
        Assert.Equal(first, JsonUtf8Writer.GetEscapedByteCount(text.AsSpan(0, split)));
        Assert.Equal(pieces.WrittenCount - 2 - first, JsonUtf8Writer.GetEscapedByteCount(text.AsSpan(split)));
    }

    [Theory]
    [InlineData(127, "")]
    [InlineData(128, "")]
    [InlineData(129, "")]
    [InlineData(127, "\"")]
    [InlineData(128, "\\")]
    [InlineData(128, "\u007f")]
    [InlineData(128, "\u001f")]
    [InlineData(128, "é")]
    [InlineData(129, "\n")]
    public void Short_and_long_strings_and_names_are_written_as_the_string_writer_writes_them(int length, string last)
    {
        // Up to 128 characters a string is first tried as plain ASCII; the last character decides whether it is.
        string text = new string('k', length - last.Length) + last;
        var obj = JsonObject.Create(("a", 1), (text, text));
        var buffer = new ArrayBufferWriter<byte>();

        buffer.Write("{"u8);
        JsonUtf8Writer.WritePropertyName("a", comma: false, buffer);
        buffer.Write("1"u8);
        JsonUtf8Writer.WritePropertyName(text, comma: true, buffer);
        JsonUtf8Writer.WriteString(text, buffer);
        buffer.Write("}"u8);

        Assert.Equal(Encoding.UTF8.GetBytes(obj.ToJsonString()), buffer.WrittenSpan.ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes(obj.ToJsonString()), Utf8(obj));
    }

    [Theory]
    [InlineData("")]
    [InlineData("TaskStateEntered")]
    [InlineData("Zoë \"q\" back\\slash\nline\ttab \u0001 \u007f ☃ 𝄞")]
    [InlineData("\u0000\u0001\u001f")]
    public void A_string_written_into_a_span_is_the_string_writer_text_and_fits_the_maximum(string text)
    {
        var span = new byte[JsonUtf8Writer.GetMaxStringByteCount(text.Length) + 3];

        int written = JsonUtf8Writer.WriteString(text, span.AsSpan(3));

        Assert.Equal(Encoding.UTF8.GetBytes(new JsonString(text).ToJsonString()), span.AsSpan(3, written).ToArray());
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\\')]
    [InlineData('\u001f')]
    [InlineData('\u007f')]
    [InlineData('é')]
    [InlineData('\u0120')]
    [InlineData('\uff22')]
    public void A_character_to_escape_or_transcode_is_found_wherever_it_stands_in_a_short_string(char odd)
    {
        // Short strings are checked eight characters at a time, the last block overlapping the one before.
        for (int length = 1; length <= 33; length++)
        {
            for (int at = 0; at < length; at++)
            {
                string text = new string('a', at) + odd + new string('z', length - at - 1);
                var span = new byte[JsonUtf8Writer.GetMaxStringByteCount(length)];

                int written = JsonUtf8Writer.WriteString(text, span);

                Assert.Equal(Encoding.UTF8.GetBytes(new JsonString(text).ToJsonString()), span.AsSpan(0, written).ToArray());
            }
        }
    }

    [Fact]
    public void A_span_shorter_than_the_maximum_for_the_string_is_refused()
    {
        var span = new byte[JsonUtf8Writer.GetMaxStringByteCount(5) - 1];

        Assert.Throws<ArgumentOutOfRangeException>(() => JsonUtf8Writer.WriteString("plain", span));
    }

    private static byte[] Utf8(JsonValue value)
    {
        var buffer = new ArrayBufferWriter<byte>(1);
        JsonUtf8Writer.Write(value, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
