using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary><c>a &amp;&amp; b</c> or <c>a || b</c>, short-circuiting left to right.</summary>
internal sealed class LogicalExpression(FilterExpression left, bool isAnd, FilterExpression right) : FilterExpression
{
    public override bool Evaluate(JsonValue current, JsonValue root) =>
        isAnd
            ? left.Evaluate(current, root) && right.Evaluate(current, root)
            : left.Evaluate(current, root) || right.Evaluate(current, root);
}
