using Stepwise.Definition.Reading;
using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Definition.Tests.Reading;

public sealed class JsonReadingTests
{
    private static Diagnostic ReadFailure(string text, DefinitionFormat format = DefinitionFormat.Json)
    {
        Assert.False(DefinitionReader.TryRead(text, format, out _, out var diagnostic));
        return diagnostic;
    }

    [Fact]
    public void A_JSON_definition_keeps_its_key_order()
    {
        var definition = DefinitionReader.Read("""{"States":{"B":{},"A":{}},"StartAt":"A"}""", DefinitionFormat.Json);

        Assert.Equal(["States", "StartAt"], definition.AsObject().Keys.ToArray());
        Assert.Equal(["B", "A"], definition.AsObject()["States"]!.AsObject().Keys.ToArray());
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("")]
    [InlineData("\n\t")]
    public void A_blank_text_is_not_a_JSON_object(string text)
    {
        var diagnostic = ReadFailure(text);

        Assert.Equal((DiagnosticCodes.SchemaValidationFailed, "Definition must be a valid JSON object", ""), (diagnostic.Code, diagnostic.Message, diagnostic.Location));
    }

    [Fact]
    public void An_unrecognized_token_gets_Jacksons_message_and_source_location()
    {
        var diagnostic = ReadFailure("not a definition");

        Assert.Equal(DiagnosticCodes.InvalidJsonDescription, diagnostic.Code);
        Assert.Equal("[Source: (String)\"not a definition\"; line: 1, column: 4]", diagnostic.Location);
        Assert.Equal(
            "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
            diagnostic.Message);
    }

    [Fact]
    public void An_unclosed_object_names_where_it_started()
    {
        var diagnostic = ReadFailure("{\"StartAt\":\"A\"");

        Assert.StartsWith(
            "Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)\"{\"StartAt\":\"A\"\"; line: 1, column: 1])",
            diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("[Source: (String)\"{\"StartAt\":\"A\"\"; line: 1, column: 15]", diagnostic.Location);
    }

    [Fact]
    public void An_unexpected_character_in_an_object_expects_a_field_name()
    {
        var diagnostic = ReadFailure("{\n  }x");

        Assert.Equal(DiagnosticCodes.InvalidJsonDescription, diagnostic.Code);
        Assert.EndsWith("line: 2, column: 5]", diagnostic.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_name_is_described_as_Jackson_does()
    {
        var diagnostic = ReadFailure("{,}");

        Assert.StartsWith("Unexpected character (',' (code 44)): was expecting double-quote to start field name", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("line: 1, column: 3]", diagnostic.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\" 1}", "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value", 7)]
    [InlineData("{\"a\":1,}", "Unexpected character ('}' (code 125)): was expecting double-quote to start field name", 9)]
    [InlineData("{\"a\":1 \"b\":2}", "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries", 9)]
    [InlineData("[1 2]", "Unexpected character ('2' (code 50)): was expecting comma to separate Array entries", 5)]
    [InlineData("{\"a\":}", "Unexpected character ('}' (code 125)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 7)]
    [InlineData("{\"a\":tru}", "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 9)]
    public void Syntax_errors_are_worded_as_Jackson_words_them(string text, string message, int column)
    {
        var diagnostic = ReadFailure(text);

        Assert.Equal($"{message}\n at [Source: (String)\"{text}\"; line: 1, column: {column}]", diagnostic.Message);
    }

    [Fact]
    public void A_long_source_is_quoted_to_500_characters()
    {
        string text = "x" + new string(' ', 600);
        var diagnostic = ReadFailure(text);

        Assert.Contains("\"[truncated 101 chars]; line: 1, column: 2]", diagnostic.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_throws_a_FormatException_with_the_diagnostic()
    {
        var e = Assert.Throws<FormatException>(() => DefinitionReader.Read("{", DefinitionFormat.Json));

        Assert.Contains("Unexpected end-of-input", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validating_text_reports_the_read_diagnostic()
    {
        var result = DefinitionValidator.Validate("not a definition", ValidationOptions.Standard);

        Assert.Equal(DiagnosticCodes.InvalidJsonDescription, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Validating_text_validates_what_it_read()
    {
        var result = DefinitionValidator.Validate("""{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""", ValidationOptions.Standard);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Auto_reads_text_starting_with_a_brace_as_JSON()
    {
        Assert.False(DefinitionReader.TryRead("{ StartAt: A }", DefinitionFormat.Auto, out _, out var diagnostic));
        Assert.Equal(DiagnosticCodes.InvalidJsonDescription, diagnostic.Code);
        Assert.StartsWith("[Source:", diagnostic.Location, StringComparison.Ordinal);
        Assert.True(DefinitionReader.TryRead("{\"a\":1}", DefinitionFormat.Auto, out var value, out _));
        Assert.True(JsonValue.DeepEquals(JsonValue.Parse("{\"a\":1}"), value));
    }

    [Fact]
    public void Every_truncation_and_corruption_of_a_definition_yields_one_diagnostic()
    {
        const string text = "{\"StartAt\":\"A\",\n \"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":[1,2.5,true,null,\"\\u00e9\"],\"End\":true}}}";
        for (int length = 0; length < text.Length; length++)
        {
            Assert.False(DefinitionReader.TryRead(text[..length], DefinitionFormat.Json, out _, out var truncated));
            Assert.NotNull(truncated);
            foreach (char junk in "}]:,x\"")
            {
                string corrupted = text[..length] + junk + text[(length + 1)..];
                if (!DefinitionReader.TryRead(corrupted, DefinitionFormat.Json, out _, out var diagnostic))
                {
                    Assert.Equal(DiagnosticCodes.InvalidJsonDescription, diagnostic.Code);
                }
            }
        }
    }
}
