namespace Stepwise.Definition.Validation;

/// <summary>The comparison operators of JSONPath Choice rules and the JSON type each one compares against.</summary>
internal static class ChoiceOperators
{
    /// <summary>The kind of value an operator takes, or <see cref="OperandKind.None"/> when the name is no operator.</summary>
    public static OperandKind Operand(string name) => name switch
    {
        "StringEquals" or "StringLessThan" or "StringGreaterThan" or "StringLessThanEquals" or "StringGreaterThanEquals"
            or "StringMatches" => OperandKind.String,
        "NumericEquals" or "NumericLessThan" or "NumericGreaterThan" or "NumericLessThanEquals" or "NumericGreaterThanEquals"
            => OperandKind.Number,
        "BooleanEquals" or "IsNull" or "IsPresent" or "IsNumeric" or "IsString" or "IsBoolean" or "IsTimestamp" => OperandKind.Boolean,
        "TimestampEquals" or "TimestampLessThan" or "TimestampGreaterThan" or "TimestampLessThanEquals" or "TimestampGreaterThanEquals"
            => OperandKind.Timestamp,
        "StringEqualsPath" or "StringLessThanPath" or "StringGreaterThanPath" or "StringLessThanEqualsPath" or "StringGreaterThanEqualsPath"
            or "NumericEqualsPath" or "NumericLessThanPath" or "NumericGreaterThanPath" or "NumericLessThanEqualsPath"
            or "NumericGreaterThanEqualsPath" or "BooleanEqualsPath" or "TimestampEqualsPath" or "TimestampLessThanPath"
            or "TimestampGreaterThanPath" or "TimestampLessThanEqualsPath" or "TimestampGreaterThanEqualsPath" => OperandKind.Path,
        _ => OperandKind.None,
    };
}
