using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Templates;

/// <summary>The value of a <c>"x.$"</c> key that is a path (<c>$.a</c>, <c>$$.Execution.Id</c>, <c>$var.a</c>).</summary>
internal sealed class PathNode(AslPath path, string field) : TemplateNode
{
    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        if (path.TryEvaluate(scope, out value, out error))
        {
            return true;
        }

        // AWS raises States.Runtime here, not States.ParameterPathFailure as the ASL spec says.
        error = path.FieldNotFoundError(field, scope.Input);
        return false;
    }
}
