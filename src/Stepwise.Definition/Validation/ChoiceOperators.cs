using Stepwise.Definition.Choice;

namespace Stepwise.Definition.Validation;

/// <summary>
/// What each JSONPath Choice comparison operator takes, read from the Choice model's operator table so that the
/// validator and the evaluator know the same operators.
/// </summary>
internal static class ChoiceOperators
{
    /// <summary>The kind of value an operator takes, or <see cref="OperandKind.None"/> when the name is no operator.</summary>
    public static OperandKind Operand(string name)
    {
        if (!ComparisonOperators.TryGet(name, out var op, out bool isPath))
        {
            return OperandKind.None;
        }

        if (isPath)
        {
            return OperandKind.Path;
        }

        return ComparisonOperators.OperandTypeOf(op) switch
        {
            ComparisonOperators.OperandType.String => OperandKind.String,
            ComparisonOperators.OperandType.Number => OperandKind.Number,
            ComparisonOperators.OperandType.Timestamp => OperandKind.Timestamp,
            _ => OperandKind.Boolean,
        };
    }
}
