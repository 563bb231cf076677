using Stepwise.Json;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Tests.Variables;

public sealed class VariableScopeTests
{
    [Fact]
    public void An_assignment_returns_a_new_scope_and_leaves_the_old_one_unchanged()
    {
        var before = VariableScope.Empty.With(JsonObject.Create(("x", (JsonValue)1)));
        var after = before.With(JsonObject.Create(("x", (JsonValue)2), ("y", (JsonValue)3)));

        Assert.True(before.TryGetVariable("x", out var old));
        Assert.Equal("1", old.ToJsonString());
        Assert.False(before.TryGetVariable("y", out _));
        Assert.True(after.TryGetVariable("x", out var updated));
        Assert.Equal("2", updated.ToJsonString());
    }

    [Fact]
    public void An_inner_scope_reads_outer_variables_and_its_own_writes_shadow_them_without_reaching_the_outer_scope()
    {
        var outer = VariableScope.Empty.With(JsonObject.Create(("x", (JsonValue)1), ("y", (JsonValue)"outer")));
        var inner = outer.NewInner().With(JsonObject.Create(("y", (JsonValue)"inner")));

        Assert.True(inner.TryGetVariable("x", out var x));
        Assert.Equal("1", x.ToJsonString());
        Assert.True(inner.TryGetVariable("y", out var y));
        Assert.Equal("\"inner\"", y.ToJsonString());
        Assert.True(outer.TryGetVariable("y", out var outerY));
        Assert.Equal("\"outer\"", outerY.ToJsonString());
        Assert.Same(outer, inner.Outer);
    }

    [Fact]
    public void Sizes_count_UTF8_bytes_and_an_overwrite_replaces_the_old_size()
    {
        var scope = VariableScope.Empty.With(JsonObject.Create(("s", (JsonValue)"é")));
        Assert.Equal(4, scope.OwnBytes);
        scope = scope.With(JsonObject.Create(("s", (JsonValue)"ab")));
        Assert.Equal(4, scope.OwnBytes);
        var inner = scope.NewInner().With(JsonObject.Create(("t", (JsonValue)true)));
        Assert.Equal(8, inner.TotalBytes);
    }
}
