using System.Collections.Immutable;
using System.Diagnostics;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Choice;

/// <summary>
/// Builds <see cref="ChoiceRule"/> trees from JSON. The validator has already reported shape errors with AWS's own
/// messages; this reader only refuses, with a <see cref="FormatException"/>, what it cannot turn into a model.
/// </summary>
internal static class ChoiceRuleReader
{
    /// <summary>
    /// How deep And/Or/Not may nest. AWS documents no limit, but a definition of up to 1 MB could nest far enough to
    /// overflow the stack of this reader and of the evaluator; real rules nest a handful of levels.
    /// </summary>
    internal const int MaxDepth = 1000;

    public static ChoiceRule ReadTopLevel(JsonObject rule) => Read(rule, string.Empty, depth: 0);

    public static ImmutableArray<ChoiceRule> ReadTopLevelList(JsonArray choices) => ReadAll(choices, string.Empty, depth: 0);

    private static ChoiceRule Read(JsonObject rule, string pointer, int depth)
    {
        bool topLevel = depth == 0;
        if (depth > MaxDepth)
        {
            throw Invalid(pointer, $"rules nest deeper than {MaxDepth} levels.");
        }

        string? next = null;
        JsonValue? assign = null;
        JsonArray? and = null;
        JsonArray? or = null;
        JsonObject? not = null;
        string? variable = null;
        string? operatorField = null;
        JsonValue? operand = null;
        ComparisonOperator op = default;
        bool isPath = false;

        foreach (var (key, value) in rule)
        {
            switch (key)
            {
                case "Comment":
                    break;
                case "Next" when topLevel:
                    next = value as JsonString is { } target ? target.Value : throw WrongType(pointer, key, "a string", value);
                    break;
                case "Assign" when topLevel:
                    assign = value.IsObject ? value : throw WrongType(pointer, key, "an object", value);
                    break;
                case "Next" or "Assign":
                    throw Invalid(pointer, $"the field '{key}' is only allowed on a top-level rule of Choices.");
                case "And":
                    and = value as JsonArray ?? throw WrongType(pointer, key, "an array", value);
                    break;
                case "Or":
                    or = value as JsonArray ?? throw WrongType(pointer, key, "an array", value);
                    break;
                case "Not":
                    not = value as JsonObject ?? throw WrongType(pointer, key, "an object", value);
                    break;
                case "Variable":
                    variable = value as JsonString is { } path ? path.Value : throw WrongType(pointer, key, "a string", value);
                    break;
                case "Condition":
                    throw Invalid(pointer, "'Condition' belongs to JSONata choice rules; this reader models JSONPath rules.");
                default:
                    if (!ComparisonOperators.TryGet(key, out var candidate, out bool candidateIsPath))
                    {
                        throw Invalid(pointer, $"unknown field '{key}'.");
                    }

                    if (operatorField is not null)
                    {
                        throw Invalid(pointer, $"a rule has one comparison operator, found '{operatorField}' and '{key}'.");
                    }

                    operatorField = key;
                    op = candidate;
                    isPath = candidateIsPath;
                    operand = value;
                    break;
            }
        }

        if (topLevel && next is null)
        {
            throw Invalid(pointer, "a top-level rule of Choices needs a 'Next'.");
        }

        int forms = (and is null ? 0 : 1) + (or is null ? 0 : 1) + (not is null ? 0 : 1) + (variable is null && operatorField is null ? 0 : 1);
        if (forms != 1)
        {
            throw Invalid(pointer, forms == 0
                ? "a rule needs 'And', 'Or', 'Not', or 'Variable' with a comparison operator."
                : "a rule is exactly one of 'And', 'Or', 'Not', or a 'Variable' comparison.");
        }

        if (and is not null)
        {
            return new AndChoiceRule(ReadAll(and, JsonPointer.Append(pointer, "And"), depth + 1), next, assign);
        }

        if (or is not null)
        {
            return new OrChoiceRule(ReadAll(or, JsonPointer.Append(pointer, "Or"), depth + 1), next, assign);
        }

        if (not is not null)
        {
            return new NotChoiceRule(Read(not, JsonPointer.Append(pointer, "Not"), depth + 1), next, assign);
        }

        if (variable is null)
        {
            throw Invalid(pointer, $"the operator '{operatorField}' needs a 'Variable'.");
        }

        if (operatorField is null)
        {
            throw Invalid(pointer, "a 'Variable' needs a comparison operator.");
        }

        Debug.Assert(operand is not null, "An operator field always comes with its value.");
        return ReadComparison(pointer, variable, operatorField, op, isPath, operand, next, assign);
    }

    private static ImmutableArray<ChoiceRule> ReadAll(JsonArray rules, string pointer, int depth)
    {
        if (rules.Count == 0)
        {
            throw Invalid(pointer, "the array must hold at least one rule.");
        }

        var builder = ImmutableArray.CreateBuilder<ChoiceRule>(rules.Count);
        for (int i = 0; i < rules.Count; i++)
        {
            string itemPointer = JsonPointer.Append(pointer, i);
            var item = rules[i] as JsonObject ?? throw Invalid(itemPointer, $"a rule must be an object, found {rules[i].Kind}.");
            builder.Add(Read(item, itemPointer, depth));
        }

        return builder.MoveToImmutable();
    }

    private static ComparisonChoiceRule ReadComparison(
        string pointer,
        string variableText,
        string field,
        ComparisonOperator op,
        bool isPath,
        JsonValue operand,
        string? next,
        JsonValue? assign)
    {
        var variable = ParsePath(pointer, "Variable", variableText);
        if (isPath)
        {
            string operandText = operand as JsonString is { } text ? text.Value : throw WrongType(pointer, field, "a string (a path)", operand);
            var operandPath = ParsePath(pointer, field, operandText);
            return new ComparisonChoiceRule(variable, op, operand: null, operandPath, pattern: null, default, next, assign);
        }

        StringMatchPattern? pattern = null;
        DateTimeOffset timestamp = default;
        switch (ComparisonOperators.OperandTypeOf(op))
        {
            case ComparisonOperators.OperandType.String:
                if (operand is not JsonString pat)
                {
                    throw WrongType(pointer, field, "a string", operand);
                }

                if (op == ComparisonOperator.StringMatches)
                {
                    pattern = StringMatchPattern.Compile(pat.Value);
                }

                break;
            case ComparisonOperators.OperandType.Number:
                if (!operand.IsNumber)
                {
                    throw WrongType(pointer, field, "a number", operand);
                }

                break;
            case ComparisonOperators.OperandType.Boolean:
                if (!operand.IsBoolean)
                {
                    throw WrongType(pointer, field, "a boolean", operand);
                }

                break;
            default:
                if (operand is not JsonString stamp)
                {
                    throw WrongType(pointer, field, "a timestamp string", operand);
                }

                if (!AslTimestamp.TryParse(stamp.Value, out timestamp))
                {
                    throw Invalid(JsonPointer.Append(pointer, field), $"'{stamp.Value}' is not an RFC 3339 timestamp.");
                }

                break;
        }

        return new ComparisonChoiceRule(variable, op, operand, operandPath: null, pattern, timestamp, next, assign);
    }

    private static AslPath ParsePath(string pointer, string field, string text)
    {
        if (!AslPath.TryParse(text, out var path, out string? error))
        {
            throw Invalid(JsonPointer.Append(pointer, field), $"'{text}' is not a valid path: {error}");
        }

        return path;
    }

    private static FormatException WrongType(string pointer, string field, string expected, JsonValue found) =>
        Invalid(JsonPointer.Append(pointer, field), $"expected {expected}, found {found.Kind}.");

    private static FormatException Invalid(string pointer, string message) =>
        new(pointer.Length == 0 ? $"Invalid choice rule: {message}" : $"Invalid choice rule at {pointer}: {message}");
}
