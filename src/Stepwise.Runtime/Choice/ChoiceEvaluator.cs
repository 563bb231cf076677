using System.Diagnostics.CodeAnalysis;
using Stepwise.Definition.Choice;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Choice;

/// <summary>
/// Evaluates JSONPath choice rules with AWS Step Functions' semantics:
/// <list type="bullet">
/// <item>A value of the wrong type for the operator (a string under NumericEquals, a number under StringEquals, a string
/// that is not a timestamp under TimestampEquals...) simply does not match; it is not an error.</item>
/// <item>A <c>Variable</c> path that selects nothing is a <c>States.Runtime</c> error, except under <c>IsPresent</c>,
/// which exists to test exactly that. So is a <c>...Path</c> operand that selects nothing.</item>
/// <item>Numbers compare as Java compares them: two integers exactly, anything else as doubles.</item>
/// <item>Strings compare by UTF-16 code units (Java's <c>String.compareTo</c>); timestamps compare as instants.</item>
/// <item>And/Or evaluate left to right and stop at the first rule that decides the result, so a later rule's path
/// error is only raised if that rule is reached.</item>
/// </list>
/// Evaluation allocates nothing beyond what path evaluation needs (an error's cause text aside).
/// </summary>
public static class ChoiceEvaluator
{
    /// <summary>
    /// Picks the Choice state's branch: the first of <paramref name="choices"/> (top-level rules, in definition order) that
    /// matches, or null in <paramref name="selected"/> when none does (the state then takes its Default, or fails with
    /// <see cref="StatesErrors.NoChoiceMatched"/>). Returns false with the error of the first rule that cannot be evaluated;
    /// rules after a match are never evaluated.
    /// </summary>
    public static bool TrySelect(ReadOnlySpan<ChoiceRule> choices, in PathScope scope, out ChoiceRule? selected, out AslError error)
    {
        foreach (var rule in choices)
        {
            if (!TryMatch(rule, scope, out bool matched, out error))
            {
                selected = null;
                return false;
            }

            if (matched)
            {
                selected = rule;
                return true;
            }
        }

        selected = null;
        error = default;
        return true;
    }

    /// <summary>
    /// Evaluates <paramref name="rule"/> against <paramref name="scope"/>. Returns true with <paramref name="matched"/> set,
    /// or false with the ASL runtime <paramref name="error"/> AWS raises. The error's cause has no
    /// "An error occurred while executing the state ..." prefix: the state that owns the rule adds it.
    /// </summary>
    public static bool TryMatch(ChoiceRule rule, in PathScope scope, out bool matched, out AslError error)
    {
        ArgumentNullException.ThrowIfNull(rule);
        error = default;
        switch (rule)
        {
            case ComparisonChoiceRule comparison:
                return TryMatchComparison(comparison, scope, out matched, out error);

            case AndChoiceRule and:
                foreach (var inner in and.Rules)
                {
                    if (!TryMatch(inner, scope, out matched, out error))
                    {
                        return false;
                    }

                    if (!matched)
                    {
                        return true;
                    }
                }

                matched = true;
                return true;

            case OrChoiceRule or:
                foreach (var inner in or.Rules)
                {
                    if (!TryMatch(inner, scope, out matched, out error))
                    {
                        return false;
                    }

                    if (matched)
                    {
                        return true;
                    }
                }

                matched = false;
                return true;

            case NotChoiceRule not:
                if (!TryMatch(not.Rule, scope, out matched, out error))
                {
                    return false;
                }

                matched = !matched;
                return true;

            default:
                matched = false;
                return ThrowUnknownRule(rule);
        }
    }

    private static bool TryMatchComparison(ComparisonChoiceRule rule, in PathScope scope, out bool matched, out AslError error)
    {
        if (!rule.Variable.TryEvaluate(scope, out var value, out _))
        {
            if (rule.Operator == ComparisonOperator.IsPresent)
            {
                // IsPresent: false matches exactly when the path selects nothing.
                matched = rule.Operand!.Kind == JsonValueKind.False;
                error = default;
                return true;
            }

            matched = false;
            error = InvalidPath(rule.Variable);
            return false;
        }

        error = default;
        JsonValue? operand = rule.Operand;
        if (rule.OperandPath is { } operandPath && !operandPath.TryEvaluate(scope, out operand, out _))
        {
            matched = false;
            error = InvalidPath(operandPath);
            return false;
        }

        matched = Compare(rule, value, operand!);
        return true;
    }

    /// <summary>Whether <paramref name="value"/> relates to <paramref name="operand"/> as the rule's operator says.</summary>
    private static bool Compare(ComparisonChoiceRule rule, JsonValue value, JsonValue operand)
    {
        var op = rule.Operator;
        switch (op)
        {
            case <= ComparisonOperator.StringGreaterThanEquals:
                return value is JsonString text && operand is JsonString other
                    && Holds(op - ComparisonOperator.StringEquals, string.CompareOrdinal(text.Value, other.Value));

            case ComparisonOperator.StringMatches:
                return value is JsonString subject && rule.Pattern!.IsMatch(subject.Value);

            case <= ComparisonOperator.NumericGreaterThanEquals:
                return value is JsonNumber number && operand is JsonNumber bound
                    && Holds(op - ComparisonOperator.NumericEquals, CompareNumbers(number, bound));

            case ComparisonOperator.BooleanEquals:
                return value.IsBoolean && operand.IsBoolean && value.Kind == operand.Kind;

            case <= ComparisonOperator.TimestampGreaterThanEquals:
                if (value is not JsonString stamp || !AslTimestamp.TryParse(stamp.Value, out var instant))
                {
                    return false;
                }

                DateTimeOffset limit;
                if (rule.OperandPath is null)
                {
                    limit = rule.TimestampOperand;
                }
                else if (operand is not JsonString limitText || !AslTimestamp.TryParse(limitText.Value, out limit))
                {
                    return false;
                }

                // DateTimeOffset compares the instants (UtcDateTime), whatever the offsets.
                return Holds(op - ComparisonOperator.TimestampEquals, instant.CompareTo(limit));

            default:
                return TypeTest(op, value) == (operand.Kind == JsonValueKind.True);
        }
    }

    private static bool TypeTest(ComparisonOperator op, JsonValue value) => op switch
    {
        ComparisonOperator.IsNull => value.IsNull,
        ComparisonOperator.IsPresent => true,
        ComparisonOperator.IsNumeric => value.IsNumber,
        ComparisonOperator.IsString => value.IsString,
        ComparisonOperator.IsBoolean => value.IsBoolean,
        ComparisonOperator.IsTimestamp => value is JsonString text && AslTimestamp.TryParse(text.Value, out _),
        _ => ThrowUnknownOperator(op),
    };

    /// <summary>
    /// Java semantics (AWS's engine holds numbers as Jackson nodes): two integers compare exactly as longs; when either
    /// side is a floating-point number, both are compared as doubles, as Java's binary numeric promotion does
    /// (<c>1 == 1.0</c>; <c>9007199254740993 == 9007199254740992.0</c>). Integers beyond 64 bits compare as doubles.
    /// </summary>
    private static int CompareNumbers(JsonNumber left, JsonNumber right)
    {
        if (left.Representation == NumberRepresentation.Int64 && right.Representation == NumberRepresentation.Int64
            && left.TryGetInt64(out long l) && right.TryGetInt64(out long r))
        {
            return l.CompareTo(r);
        }

        double a = left.ToDouble();
        double b = right.ToDouble();

        // Primitive comparison, not Double.compare: 0.0 and -0.0 are equal. JSON holds no NaN.
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /// <summary>
    /// Whether a comparison result satisfies the relation at <paramref name="offset"/> in the operator groups' order:
    /// Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals.
    /// </summary>
    private static bool Holds(int offset, int comparison) => offset switch
    {
        0 => comparison == 0,
        1 => comparison < 0,
        2 => comparison > 0,
        3 => comparison <= 0,
        _ => comparison >= 0,
    };

    /// <summary>AWS's error for a condition path that selects nothing (the Variable or a ...Path operand).</summary>
    private static AslError InvalidPath(AslPath path) =>
        new(StatesErrors.Runtime, $"Invalid path '{path.Text}': The choice state's condition path references an invalid value.");

    [DoesNotReturn]
    private static bool ThrowUnknownRule(ChoiceRule rule) =>
        throw new InvalidOperationException($"Unknown choice rule type {rule.GetType().Name}.");

    [DoesNotReturn]
    private static bool ThrowUnknownOperator(ComparisonOperator op) =>
        throw new InvalidOperationException($"Unknown comparison operator {op}.");
}
