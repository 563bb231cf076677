using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Choice;

/// <summary>
/// A data-test rule: the value <see cref="Variable"/> selects, compared by <see cref="Operator"/> with a literal
/// <see cref="Operand"/> or, in the <c>...Path</c> form, with the value <see cref="OperandPath"/> selects.
/// </summary>
public sealed class ComparisonChoiceRule : ChoiceRule
{
    internal ComparisonChoiceRule(
        AslPath variable,
        ComparisonOperator op,
        JsonValue? operand,
        AslPath? operandPath,
        StringMatchPattern? pattern,
        DateTimeOffset timestampOperand,
        string? next,
        JsonValue? assign)
        : base(next, assign)
    {
        Variable = variable;
        Operator = op;
        Operand = operand;
        OperandPath = operandPath;
        Pattern = pattern;
        TimestampOperand = timestampOperand;
        OperatorFieldName = operandPath is null ? op.ToString() : op + "Path";
    }

    /// <summary>The path of the value under test (<c>$.x</c>, <c>$$.Execution.Input.x</c> or <c>$variable</c>).</summary>
    public AslPath Variable { get; }

    /// <summary>The comparison; its <c>...Path</c> form is told by <see cref="OperandPath"/> being set.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>
    /// The literal operand, already checked against the operator: a JSON string for String* and Timestamp*, a number for
    /// Numeric*, a boolean for BooleanEquals and the Is* tests. Null in the <c>...Path</c> form.
    /// </summary>
    public JsonValue? Operand { get; }

    /// <summary>The operand's path in the <c>...Path</c> form (e.g. <c>NumericEqualsPath</c>); null otherwise.</summary>
    public AslPath? OperandPath { get; }

    /// <summary>The compiled pattern of a <c>StringMatches</c> rule; null for every other operator.</summary>
    public StringMatchPattern? Pattern { get; }

    /// <summary>The literal operand of a Timestamp* rule as an instant, parsed once; default otherwise.</summary>
    public DateTimeOffset TimestampOperand { get; }

    /// <summary>The operator's field name as ASL spells it, e.g. <c>StringEquals</c> or <c>NumericLessThanPath</c>.</summary>
    public string OperatorFieldName { get; }
}
