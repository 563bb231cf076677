using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary>A boolean filter expression, evaluated with <c>@</c> bound to the candidate and <c>$</c> to the root.</summary>
internal abstract class FilterExpression
{
    public abstract bool Evaluate(JsonValue current, JsonValue root);
}
