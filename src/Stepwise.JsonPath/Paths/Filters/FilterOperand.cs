using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary>One side of a comparison: a literal, a path from <c>@</c> or <c>$</c>, or a regular expression.</summary>
internal abstract class FilterOperand
{
    /// <summary>The operand's value, or null when a path finds nothing (Jayway's "undefined").</summary>
    public abstract JsonValue? Resolve(JsonValue current, JsonValue root);
}
