using System.Collections.Frozen;

namespace Stepwise.Definition.Choice;

/// <summary>The ASL field names of the comparison operators and what each one expects as its operand.</summary>
internal static class ComparisonOperators
{
    private static readonly FrozenDictionary<string, (ComparisonOperator Operator, bool IsPath)> s_byFieldName = CreateTable();

    /// <summary>Finds the operator a rule field names, e.g. <c>NumericEqualsPath</c> → (NumericEquals, path form).</summary>
    public static bool TryGet(string fieldName, out ComparisonOperator op, out bool isPath)
    {
        if (s_byFieldName.TryGetValue(fieldName, out var entry))
        {
            op = entry.Operator;
            isPath = entry.IsPath;
            return true;
        }

        op = default;
        isPath = false;
        return false;
    }

    /// <summary>The operand type an operator compares against, as ASL names it in its validation messages.</summary>
    public static OperandType OperandTypeOf(ComparisonOperator op) => op switch
    {
        <= ComparisonOperator.StringMatches => OperandType.String,
        <= ComparisonOperator.NumericGreaterThanEquals => OperandType.Number,
        ComparisonOperator.BooleanEquals => OperandType.Boolean,
        <= ComparisonOperator.TimestampGreaterThanEquals => OperandType.Timestamp,
        _ => OperandType.Boolean, // the Is* type tests take true or false
    };

    /// <summary>Whether ASL defines a <c>...Path</c> form of the operator (not StringMatches, not the Is* tests).</summary>
    public static bool HasPathForm(ComparisonOperator op) => op < ComparisonOperator.IsNull && op != ComparisonOperator.StringMatches;

    private static FrozenDictionary<string, (ComparisonOperator, bool)> CreateTable()
    {
        var table = new Dictionary<string, (ComparisonOperator, bool)>(StringComparer.Ordinal);
        foreach (var op in Enum.GetValues<ComparisonOperator>())
        {
            string name = op.ToString();
            table.Add(name, (op, false));
            if (HasPathForm(op))
            {
                table.Add(name + "Path", (op, true));
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    internal enum OperandType
    {
        String,
        Number,
        Boolean,
        Timestamp,
    }
}
