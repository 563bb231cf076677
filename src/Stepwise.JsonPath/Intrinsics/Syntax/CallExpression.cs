using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath.Intrinsics.Functions;

namespace Stepwise.JsonPath.Intrinsics.Syntax;

/// <summary>A call: the function, its arguments, and (for States.Format with a literal template) the split template.</summary>
internal sealed class CallExpression(IntrinsicFunction function, IntrinsicExpression[] arguments) : IntrinsicExpression
{
    // Split once here rather than on every evaluation; null when the template is not a literal.
    private readonly FormatTemplate? _literalTemplate =
        function == IntrinsicFunction.Format && arguments[0] is LiteralExpression { RawText: { } raw } ? FormatTemplate.Parse(raw) : null;

    public IntrinsicFunction Function { get; } = function;

    public IntrinsicExpression[] Arguments { get; } = arguments;

    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, [NotNullWhen(false)] out string? failure)
    {
        // Arguments are evaluated left to right and the first failure wins, as AWS reports the first missing path.
        // The array is handed to the function, which may keep it (States.Array).
        var values = new JsonValue[Arguments.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (!Arguments[i].TryEvaluate(scope, out JsonValue? argument, out failure))
            {
                value = null;
                return false;
            }

            values[i] = argument;
        }

        return IntrinsicFunctions.TryInvoke(Function, values, _literalTemplate, scope.Random, out value, out failure);
    }
}
