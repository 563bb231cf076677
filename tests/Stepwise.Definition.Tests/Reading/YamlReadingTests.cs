using Stepwise.Definition.Reading;
using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Definition.Tests.Reading;

public sealed class YamlReadingTests
{
    private static JsonValue Read(string yaml) => DefinitionReader.Read(yaml, DefinitionFormat.Yaml);

    private static JsonValue Scalar(string yaml) => Read("v: " + yaml).AsObject()["v"]!;

    [Fact]
    public void A_YAML_definition_reads_as_the_same_tree_as_its_JSON_form()
    {
        var yaml = Read("""
            Comment: demo
            StartAt: Wait
            States:
              Wait:
                Type: Wait
                Seconds: 5
                Next: Done
              Done:
                Type: Succeed
            """);

        Assert.True(JsonValue.DeepEquals(
            JsonValue.Parse("""{"Comment":"demo","StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":5,"Next":"Done"},"Done":{"Type":"Succeed"}}}"""),
            yaml));
        Assert.Equal(["Comment", "StartAt", "States"], yaml.AsObject().Keys.ToArray());
        Assert.True(DefinitionValidator.Validate(yaml).IsValid);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("+3", "3")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000.0")]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("", "null")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("'42'", "\"42\"")]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("!!str 42", "\"42\"")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("$.a.b", "\"$.a.b\"")]
    [InlineData("2016-03-14T01:59:00Z", "\"2016-03-14T01:59:00Z\"")]
    public void Plain_scalars_are_typed_as_the_YAML_1_2_core_schema_types_them(string yaml, string json)
    {
        Assert.Equal(json, Scalar(yaml).ToJsonString());
    }

    [Fact]
    public void Aliases_read_as_copies_of_their_anchors()
    {
        var value = Read("""
            a: &shared {x: 1}
            b: *shared
            """);

        Assert.Equal("""{"a":{"x":1},"b":{"x":1}}""", value.ToJsonString());
    }

    [Fact]
    public void A_YAML_syntax_error_has_a_line_and_column()
    {
        Assert.False(DefinitionReader.TryRead("a: b: c\n", DefinitionFormat.Yaml, out _, out var diagnostic));

        Assert.Equal(DiagnosticCodes.InvalidJsonDescription, diagnostic.Code);
        Assert.Equal("line: 1, column: 5", diagnostic.Location);
    }

    [Fact]
    public void Several_YAML_documents_are_not_one_definition()
    {
        Assert.False(DefinitionReader.TryRead("a: 1\n---\nb: 2\n", DefinitionFormat.Yaml, out _, out var diagnostic));

        Assert.Equal("line: 3, column: 1", diagnostic.Location);
    }

    [Fact]
    public void Auto_reads_text_not_starting_with_a_brace_as_YAML()
    {
        Assert.True(DefinitionReader.TryRead("StartAt: A\n", DefinitionFormat.Auto, out var value, out _));
        Assert.Equal("""{"StartAt":"A"}""", value.ToJsonString());
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        Assert.False(DefinitionReader.TryRead("a: 1\na: 2\n", DefinitionFormat.Yaml, out _, out var diagnostic));
        Assert.Equal(DiagnosticCodes.InvalidJsonDescription, diagnostic.Code);
    }
}
