namespace Stepwise.Definition.Choice;

/// <summary>
/// The operator of a data-test choice rule. The <c>...Path</c> form of an operator (<c>NumericEqualsPath</c>) is the
/// same operator with <see cref="ComparisonChoiceRule.OperandPath"/> set instead of a literal operand.
/// </summary>
/// <remarks>
/// Members are grouped by operand type, and within a group they follow the order Equals, LessThan, GreaterThan,
/// LessThanEquals, GreaterThanEquals, so the evaluator can map each to a relation with one switch.
/// </remarks>
public enum ComparisonOperator : byte
{
    StringEquals,
    StringLessThan,
    StringGreaterThan,
    StringLessThanEquals,
    StringGreaterThanEquals,

    /// <summary>A glob over the whole string: <c>*</c> matches any run of characters, <c>\*</c> and <c>\\</c> are literals.</summary>
    StringMatches,

    NumericEquals,
    NumericLessThan,
    NumericGreaterThan,
    NumericLessThanEquals,
    NumericGreaterThanEquals,

    BooleanEquals,

    TimestampEquals,
    TimestampLessThan,
    TimestampGreaterThan,
    TimestampLessThanEquals,
    TimestampGreaterThanEquals,

    IsNull,

    /// <summary>The only operator under which a Variable path that selects nothing is not a runtime error.</summary>
    IsPresent,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}
