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

        // AWS raises States.Runtime here (not States.ParameterPathFailure as the ASL spec says), naming the path, the
        // field with its ".$" and the state input as compact JSON, also for a "$$" path:
        // scenarios/test_base_scenarios__test_invalid_jsonpath_INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH_8a59a2.json,
        // scenarios/test_base_scenarios__test_invalid_jsonpath_INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH_7c22a8.json.
        error = new AslError(
            StatesErrors.Runtime,
            $"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{scope.Input.ToJsonString()}'");
        return false;
    }
}
