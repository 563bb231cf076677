using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Templates;

/// <summary>
/// An object with at least one dynamic member. Keys are final (the <c>.$</c> suffix removed, collisions resolved at
/// compile time), so every evaluation shares the one keys array and allocates only the values array and the object.
/// </summary>
internal sealed class ObjectNode : TemplateNode
{
    private readonly string[] _keys;
    private readonly TemplateNode[] _members;

    public ObjectNode(string[] keys, TemplateNode[] members)
    {
        Debug.Assert(keys.Length == members.Length && keys.Distinct(StringComparer.Ordinal).Count() == keys.Length, "Keys are distinct, one member each.");
        _keys = keys;
        _members = members;
    }

    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        var values = new JsonValue[_members.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (!_members[i].TryEvaluate(scope, out JsonValue? member, out error))
            {
                value = null;
                return false;
            }

            values[i] = member;
        }

        value = JsonObject.TakeOwnership(_keys, values);
        error = default;
        return true;
    }
}
