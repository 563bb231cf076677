using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Templates;

/// <summary>A part of the template without any <c>.$</c> key: the template's own value, shared, never copied.</summary>
internal sealed class ConstantNode(JsonValue value) : TemplateNode
{
    public JsonValue Value { get; } = value;

    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        value = Value;
        error = default;
        return true;
    }
}
