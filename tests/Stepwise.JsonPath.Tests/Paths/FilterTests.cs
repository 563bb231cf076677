using Stepwise.Json;

namespace Stepwise.JsonPath.Tests.Paths;

public sealed class FilterTests
{
    private static readonly JsonValue s_input = JsonValue.Parse("""
        {
          "limit": 10,
          "users": [
            {"name": "ann", "status": 0, "price": 5, "tags": ["a", "b"], "email": "ann@x.org"},
            {"name": "bob", "status": 1, "price": 15.5, "tags": [], "manager": null},
            {"name": "cid", "status": 0, "price": 25, "tags": ["b"], "email": "CID@Y.ORG"}
          ]
        }
        """);

    private static string Names(string path)
    {
        Assert.True(AslPath.Parse(path).TryEvaluate(new PathScope(s_input, JsonObject.Empty), out JsonValue? value, out AslError error), error.Cause);
        var names = new List<string>();
        foreach (JsonValue match in value.AsArray())
        {
            names.Add(match is JsonObject user ? user["name"]!.AsString() : match.ToJsonString());
        }

        return string.Join(",", names);
    }

    [Theory]
    [InlineData("$.users[?(@.status == 0)]", "ann,cid")]
    [InlineData("$.users[?(@.status != 0)]", "bob")]
    [InlineData("$.users[?(@.price > 10)]", "bob,cid")]
    [InlineData("$.users[?(@.price >= 25)]", "cid")]
    [InlineData("$.users[?(@.price < 15.5)]", "ann")]
    [InlineData("$.users[?(@.price <= 15.5)]", "ann,bob")]
    [InlineData("$.users[?(@.name == 'bob')]", "bob")]
    [InlineData("$.users[?(@.name == \"bob\")]", "bob")]
    [InlineData("$.users[?(@.price > 10 && @.status == 0)]", "cid")]
    [InlineData("$.users[?(@.price < 10 || @.name == 'cid')]", "ann,cid")]
    [InlineData("$.users[?((@.price < 10 || @.price > 20) && @.status == 0)]", "ann,cid")]
    [InlineData("$.users[?(@.email)]", "ann,cid")]
    [InlineData("$.users[?(!@.email)]", "bob")]
    [InlineData("$.users[?(@.manager)]", "bob")]
    [InlineData("$.users[?(@.price > $.limit)]", "bob,cid")]
    [InlineData("$.users[?(@.name in ['ann','cid'])]", "ann,cid")]
    [InlineData("$.users[?(@.name nin ['ann','cid'])]", "bob")]
    [InlineData("$.users[?(@.tags size 1)]", "cid")]
    [InlineData("$.users[?(@.tags empty true)]", "bob")]
    [InlineData("$.users[?(@.tags contains 'b')]", "ann,cid")]
    [InlineData("$.users[?(@.tags subsetof ['a','b','c'])]", "ann,bob,cid")]
    [InlineData("$.users[?(@.tags anyof ['a'])]", "ann")]
    [InlineData("$.users[?(@.tags noneof ['a'])]", "bob,cid")]
    [InlineData("$.users[?(@.email =~ /.*@x\\.org/)]", "ann")]
    [InlineData("$.users[?(@.email =~ /.*@y\\.org/i)]", "cid")]
    [InlineData("$.users[?(@.missing == 1)]", "")]
    [InlineData("$.users[?(@.status == 0)].name", "\"ann\",\"cid\"")]
    public void A_filter_keeps_the_elements_it_holds_for(string path, string expected)
    {
        Assert.Equal(expected, Names(path));
    }

    [Fact]
    public void A_filter_matching_nothing_yields_an_empty_array()
    {
        Assert.Equal(string.Empty, Names("$.users[?(@.status == 7)]"));
    }

    [Fact]
    public void A_filter_path_is_neither_definite_nor_a_reference_path()
    {
        var path = AslPath.Parse("$.users[?(@.status == 0)]");
        Assert.False(path.IsDefinite);
        Assert.False(path.IsReferencePath);
    }

    [Theory]
    [InlineData("$.users[?(@.a ==)]")]
    [InlineData("$.users[?(@.a == 1]")]
    [InlineData("$.users[?(@.a == 'x)]")]
    [InlineData("$.users[?(@.a like 1)]")]
    [InlineData("$.users[?(@.a =~ 'x')]")]
    [InlineData("$.users[?(1)]")]
    [InlineData("$.users[?@.a]")]
    public void A_malformed_filter_is_a_syntax_error(string path)
    {
        Assert.False(AslPath.TryParse(path, out _, out string? error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
