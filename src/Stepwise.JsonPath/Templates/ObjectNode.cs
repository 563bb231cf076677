using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Templates;

/// <summary>An object with at least one dynamic member; keys are final (the <c>.$</c> suffix already removed).</summary>
internal sealed class ObjectNode(string[] keys, TemplateNode[] members) : TemplateNode
{
    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        var builder = new JsonObjectBuilder(keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            if (!members[i].TryEvaluate(scope, out JsonValue? member, out error))
            {
                value = null;
                return false;
            }

            builder.Set(keys[i], member);
        }

        value = builder.ToObject();
        error = default;
        return true;
    }
}
