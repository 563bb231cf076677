using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Syntax;

/// <summary>A path argument: <c>$.x</c>, <c>$$.Execution.Id</c> or <c>$var.x</c>.</summary>
internal sealed class PathExpression(AslPath path) : IntrinsicExpression
{
    public AslPath Path { get; } = path;

    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, [NotNullWhen(false)] out string? failure)
    {
        if (Path.TryEvaluate(scope, out value, out _))
        {
            failure = null;
            return true;
        }

        // AWS words a missing argument this way whatever the path library said, and names a context path rewritten
        // onto '$' while quoting the state input, not the context object (recorded against AWS and Step Functions
        // Local by floci's AslExecutorIntrinsicMissingArgumentTest).
        string field = Path.Root == PathRoot.Context ? Path.Text[1..] : Path.Text;
        failure = $"The JsonPath argument for the field '{field}' could not be found in the input '{scope.Input.ToJsonString()}'";
        return false;
    }
}
