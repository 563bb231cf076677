using System.Globalization;
using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary>
/// <c>left op right</c> with Jayway's semantics: a side that resolves to nothing makes every operator false except
/// <c>!=</c> (which is the negation of <c>==</c>); ordering compares numbers with numbers and strings with strings
/// only; <c>==</c> compares JSON structurally and numbers by value (<c>1 == 1.0</c>).
/// </summary>
internal sealed class ComparisonExpression(FilterOperand left, FilterOperator op, FilterOperand right) : FilterExpression
{
    public override bool Evaluate(JsonValue current, JsonValue root)
    {
        JsonValue? l = left.Resolve(current, root);
        if (op == FilterOperator.Matches)
        {
            return l is JsonString s && IsMatch(((RegexOperand)right).Regex, s.Value);
        }

        JsonValue? r = right.Resolve(current, root);
        return op switch
        {
            FilterOperator.Equal => AreEqual(l, r),
            FilterOperator.NotEqual => !AreEqual(l, r),
            FilterOperator.Less => Compare(l, r) is int c && c < 0,
            FilterOperator.LessOrEqual => Compare(l, r) is int c && c <= 0,
            FilterOperator.Greater => Compare(l, r) is int c && c > 0,
            FilterOperator.GreaterOrEqual => Compare(l, r) is int c && c >= 0,
            FilterOperator.In => r is JsonArray set && Contains(set, l),
            FilterOperator.NotIn => r is JsonArray set && !Contains(set, l),
            FilterOperator.SubsetOf => l is JsonArray sub && r is JsonArray super && All(sub, super, expected: true),
            FilterOperator.AnyOf => l is JsonArray any && r is JsonArray among && !All(any, among, expected: false),
            FilterOperator.NoneOf => l is JsonArray none && r is JsonArray among && All(none, among, expected: false),
            FilterOperator.Size => r is JsonNumber n && n.TryGetInt64(out long size) && Length(l) == size,
            FilterOperator.Empty => r is not null && r.IsBoolean && Length(l) is long length && (length == 0) == r.AsBoolean(),
            FilterOperator.Contains => l switch
            {
                JsonString text => r is JsonString part && text.Value.Contains(part.Value, StringComparison.Ordinal),
                JsonArray array => Contains(array, r),
                _ => false,
            },
            _ => false,
        };
    }

    private static bool IsMatch(System.Text.RegularExpressions.Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A pattern from the definition must not hang or crash an execution; a runaway match counts as no match.
            return false;
        }
    }

    private static bool AreEqual(JsonValue? l, JsonValue? r)
    {
        if (l is null || r is null)
        {
            return false;
        }

        // Jayway turns a string into a number when the other side is a number ('5' == 5).
        if (l is JsonNumber ln && r is JsonString rs)
        {
            return TryParseNumber(rs.Value, out double d) && ln.ToDouble() == d;
        }

        if (l is JsonString ls && r is JsonNumber rn)
        {
            return TryParseNumber(ls.Value, out double d) && rn.ToDouble() == d;
        }

        return JsonValue.DeepEquals(l, r);
    }

    private static int? Compare(JsonValue? l, JsonValue? r) => (l, r) switch
    {
        (JsonNumber a, JsonNumber b) => a.ToDouble().CompareTo(b.ToDouble()),
        (JsonString a, JsonString b) => string.CompareOrdinal(a.Value, b.Value),
        _ => null,
    };

    private static bool Contains(JsonArray array, JsonValue? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (JsonValue item in array)
        {
            if (AreEqual(item, value))
            {
                return true;
            }
        }

        return false;
    }

    // True when every item of 'items' is (expected: true) or is not (expected: false) in 'set'.
    private static bool All(JsonArray items, JsonArray set, bool expected)
    {
        foreach (JsonValue item in items)
        {
            if (Contains(set, item) != expected)
            {
                return false;
            }
        }

        return true;
    }

    private static long? Length(JsonValue? value) => value switch
    {
        JsonArray array => array.Count,
        JsonString text => text.Value.Length,
        _ => null,
    };

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
