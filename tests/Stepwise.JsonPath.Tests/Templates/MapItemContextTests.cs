using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.JsonPath.Tests.Templates;

public sealed class MapItemContextTests
{
    private static readonly JsonValue s_item = JsonValue.Parse("""{"id":"a","v":{"n":7}}""");

    [Fact]
    public void An_ItemSelector_reading_the_Map_item_gets_it_without_building_the_context_object()
    {
        var source = new MapItemSource(index: 3, s_item);
        var template = PayloadTemplate.Compile(JsonValue.Parse(
            """{"index.$":"$$.Map.Item.Index","item.$":"$$.Map.Item.Value","n.$":"$$.Map.Item.Value.v.n","b.$":"$.b"}"""));

        Assert.True(template.TryEvaluate(new PathScope(JsonValue.Parse("""{"b":1}"""), source), out var result, out var error), error.Cause);

        Assert.Equal(JsonValue.Parse("""{"index":3,"item":{"id":"a","v":{"n":7}},"n":7,"b":1}"""), result);
        Assert.Equal(0, source.Builds);
    }

    [Fact]
    public void A_Map_item_path_that_finds_nothing_fails_as_it_does_over_the_built_context_object()
    {
        var path = AslPath.Parse("$$.Map.Item.Value.missing");

        Assert.False(path.TryEvaluate(new PathScope(JsonObject.Empty, new MapItemSource(0, s_item)), out _, out var fast));
        Assert.False(path.TryEvaluate(new PathScope(JsonObject.Empty, new MapItemSource(0, s_item).GetContextObject()), out _, out var built));

        Assert.Equal(built, fast);
    }

    [Fact]
    public void Other_context_paths_still_read_the_built_context_object()
    {
        var source = new MapItemSource(0, s_item);

        Assert.True(AslPath.Parse("$$.Map.Item").TryEvaluate(new PathScope(JsonObject.Empty, source), out var item, out var error), error.Cause);

        Assert.Equal(JsonValue.Parse("""{"Index":0,"Value":{"id":"a","v":{"n":7}}}"""), item);
        Assert.Equal(1, source.Builds);
    }

    private sealed class MapItemSource(int index, JsonValue value) : IContextObjectSource
    {
        public int Builds { get; private set; }

        public JsonValue GetContextObject()
        {
            Builds++;
            return JsonObject.Create(("Map", JsonObject.Create(("Item", JsonObject.Create(("Index", (JsonValue)index), ("Value", value))))));
        }

        public bool TryGetMapItem([NotNullWhen(true)] out JsonValue? itemIndex, [NotNullWhen(true)] out JsonValue? itemValue)
        {
            itemIndex = index;
            itemValue = value;
            return true;
        }
    }
}
