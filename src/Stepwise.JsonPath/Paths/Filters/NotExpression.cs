using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary><c>!expression</c>.</summary>
internal sealed class NotExpression(FilterExpression inner) : FilterExpression
{
    public override bool Evaluate(JsonValue current, JsonValue root) => !inner.Evaluate(current, root);
}
