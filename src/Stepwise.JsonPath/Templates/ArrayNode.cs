using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Templates;

/// <summary>An array with at least one element that holds a dynamic member somewhere inside.</summary>
internal sealed class ArrayNode(TemplateNode[] elements) : TemplateNode
{
    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        var items = new JsonValue[elements.Length];
        for (int i = 0; i < elements.Length; i++)
        {
            if (!elements[i].TryEvaluate(scope, out JsonValue? item, out error))
            {
                value = null;
                return false;
            }

            items[i] = item;
        }

        value = JsonArray.TakeOwnership(items);
        error = default;
        return true;
    }
}
