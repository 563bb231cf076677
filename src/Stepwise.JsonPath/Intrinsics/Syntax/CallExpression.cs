using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath.Intrinsics.Functions;

namespace Stepwise.JsonPath.Intrinsics.Syntax;

/// <summary>A call: the function, its arguments, and (for States.Format with a literal template) the split template.</summary>
internal sealed class CallExpression(IntrinsicFunction function, IntrinsicExpression[] arguments) : IntrinsicExpression
{
    // Split once here rather than on every evaluation; null when the template is not a literal.
    private readonly FormatTemplate? _literalTemplate =
        function == IntrinsicFunction.Format && arguments.Length > 0 && arguments[0] is LiteralExpression { RawText: { } raw } ? FormatTemplate.Parse(raw) : null;

    public IntrinsicFunction Function { get; } = function;

    /// <summary>True when evaluating this call draws from the scope's random source (States.UUID, unseeded States.MathRandom).</summary>
    public bool DrawsRandom { get; } = DrawsRandomItself(function, arguments.Length) || AnyArgumentDrawsRandom(arguments);

    public IntrinsicExpression[] Arguments { get; } = arguments;

    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, [NotNullWhen(false)] out string? failure)
    {
        // AWS accepts a call with the wrong number of arguments when the state machine is created and fails it when
        // it runs, with the usual detail (States.Base64Encode() and States.Hash('hello') fail with States.Runtime,
        // recorded against AWS in public characterisation suites).
        IntrinsicSignature signature = IntrinsicSignatures.Of(Function);
        if (Arguments.Length < signature.MinArguments || Arguments.Length > signature.MaxArguments)
        {
            value = null;
            failure = IntrinsicFunctions.InvalidArguments(Function);
            return false;
        }

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

            // States.Format prints a value that a nested States.StringToJson produced as its JSON text, where it prints
            // the same value read from a path as plain text: Format('{}', StringToJson('"x"')) does not give x on AWS
            // (recorded against AWS in public characterisation suites). AWS keeps the parsed value as a JSON node there,
            // and a node prints as JSON.
            if (i > 0 && Function == IntrinsicFunction.Format && Arguments[i] is CallExpression { Function: IntrinsicFunction.StringToJson })
            {
                argument = new JsonString(argument.ToJsonString());
            }

            values[i] = argument;
        }

        return IntrinsicFunctions.TryInvoke(Function, values, _literalTemplate, scope.Random, out value, out failure);
    }

    private static bool DrawsRandomItself(IntrinsicFunction function, int argumentCount) =>
        function == IntrinsicFunction.UUID || (function == IntrinsicFunction.MathRandom && argumentCount == 2);

    private static bool AnyArgumentDrawsRandom(IntrinsicExpression[] arguments)
    {
        foreach (IntrinsicExpression argument in arguments)
        {
            if (argument is CallExpression { DrawsRandom: true })
            {
                return true;
            }
        }

        return false;
    }
}
