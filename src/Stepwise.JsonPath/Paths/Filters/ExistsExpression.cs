using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary>A bare path, <c>[?(@.isbn)]</c>: true when the path finds a node (a JSON null counts as found).</summary>
internal sealed class ExistsExpression(PathOperand path) : FilterExpression
{
    public override bool Evaluate(JsonValue current, JsonValue root) => path.Resolve(current, root) is not null;
}
