using Stepwise.Json;

namespace Stepwise.JsonPath.Tests.Paths;

public sealed class AllocationTests
{
    private static readonly JsonValue s_input = JsonValue.Parse("{\"a\":{\"b\":[1,{\"c\":\"x\"}]},\"d\":true}");

    [Fact]
    public void Evaluating_a_definite_path_allocates_nothing()
    {
        var path = AslPath.Parse("$.a.b[1].c");
        var scope = new PathScope(s_input, JsonObject.Empty);
        for (int i = 0; i < 10; i++)
        {
            Assert.True(path.TryEvaluate(scope, out _, out _));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            path.TryEvaluate(scope, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Evaluating_a_template_allocates_only_the_objects_it_returns()
    {
        var template = PayloadTemplate.Compile(JsonValue.Parse("{\"x.$\":\"$.a.b[1].c\",\"fixed\":{\"k\":[1,2,3]},\"y.$\":\"$.d\"}"));
        var scope = new PathScope(s_input, JsonObject.Empty);
        for (int i = 0; i < 10; i++)
        {
            Assert.True(template.TryEvaluate(scope, out _, out _));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        template.TryEvaluate(scope, out JsonValue? result, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One JsonObject and its three-slot values array; the keys array and the constant member are shared.
        Assert.True(allocated <= 160, $"allocated {allocated} bytes");
        Assert.Equal("{\"x\":\"x\",\"fixed\":{\"k\":[1,2,3]},\"y\":true}", result!.ToJsonString());
    }
}
