using System.Text;
using Stepwise.Json;
using Stepwise.JsonPath.Paths.Filters;

namespace Stepwise.JsonPath.Paths;

/// <summary><c>[?(expression)]</c>: the elements for which the filter expression holds.</summary>
internal sealed class FilterToken(FilterExpression expression, string text) : PathToken
{
    public FilterExpression Expression { get; } = expression;

    /// <summary>The source text between the brackets, e.g. <c>?(@.price &gt; 10)</c>.</summary>
    public string Text { get; } = text;

    public override bool IsDefinite => false;

    // Jayway prints every filter as "[?]" in normalized paths.
    public override void AppendNormalized(StringBuilder builder) => builder.Append("[?]");

    public bool Matches(JsonValue candidate, JsonValue root) => Expression.Evaluate(candidate, root);
}
