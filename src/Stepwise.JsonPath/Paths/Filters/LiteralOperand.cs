using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary>A literal: number, <c>'string'</c>, <c>true</c>, <c>false</c>, <c>null</c>, or a JSON array or object.</summary>
internal sealed class LiteralOperand(JsonValue value) : FilterOperand
{
    public JsonValue Value { get; } = value;

    public override JsonValue? Resolve(JsonValue current, JsonValue root) => Value;
}
