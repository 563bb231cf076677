using System.Text.RegularExpressions;
using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary>The right side of <c>=~</c>: <c>/pattern/flags</c>, compiled once with a match timeout.</summary>
internal sealed class RegexOperand(Regex regex) : FilterOperand
{
    public Regex Regex { get; } = regex;

    public override JsonValue? Resolve(JsonValue current, JsonValue root) => null;
}
