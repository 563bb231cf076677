using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Syntax;

/// <summary>A string, number, boolean or null written in the call.</summary>
/// <param name="value">The literal's value (a string with its escapes resolved).</param>
/// <param name="rawText">For a string, the text between the quotes with its escapes still in it: States.Format needs
/// it to tell an escaped <c>\{</c> from a placeholder's brace.</param>
internal sealed class LiteralExpression(JsonValue value, string? rawText = null) : IntrinsicExpression
{
    public JsonValue Value { get; } = value;

    public string? RawText { get; } = rawText;

    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, [NotNullWhen(false)] out string? failure)
    {
        value = Value;
        failure = null;
        return true;
    }
}
