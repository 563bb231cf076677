using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// Value equality as Jackson's <c>JsonNode.equals</c> defines it, which is what AWS's Java code compares with in
/// States.ArrayContains and States.ArrayUnique: an integer node never equals a floating-point node (1 ≠ 1.0), object
/// key order does not matter, arrays compare element by element.
/// </summary>
internal sealed class JacksonEquality : IEqualityComparer<JsonValue>
{
    public static readonly JacksonEquality Instance = new();

    private JacksonEquality()
    {
    }

    public bool Equals(JsonValue? x, JsonValue? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Kind != y.Kind)
        {
            return false;
        }

        switch (x)
        {
            case JsonNumber left:
            {
                var right = (JsonNumber)y;
                if (IsInteger(left) != IsInteger(right))
                {
                    return false;
                }

                return IsInteger(left) ? JsonValue.DeepEquals(left, right) : left.ToDouble().Equals(right.ToDouble());
            }

            case JsonString left:
                return string.Equals(left.Value, ((JsonString)y).Value, StringComparison.Ordinal);
            case JsonArray left:
            {
                ReadOnlySpan<JsonValue> leftItems = left.AsSpan();
                ReadOnlySpan<JsonValue> rightItems = ((JsonArray)y).AsSpan();
                if (leftItems.Length != rightItems.Length)
                {
                    return false;
                }

                for (int i = 0; i < leftItems.Length; i++)
                {
                    if (!Equals(leftItems[i], rightItems[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonObject left:
            {
                var right = (JsonObject)y;
                if (left.Count != right.Count)
                {
                    return false;
                }

                foreach (KeyValuePair<string, JsonValue> property in left)
                {
                    if (!right.TryGetValue(property.Key, out JsonValue? other) || !Equals(property.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                // null, true and false: equal kinds are equal values.
                return true;
        }
    }

    // Equal under this comparer implies equal under JsonValue.DeepEquals, so the general hash is consistent with it.
    public int GetHashCode(JsonValue obj) => obj.GetHashCode();

    private static bool IsInteger(JsonNumber number) =>
        number.Representation is NumberRepresentation.Int64 or NumberRepresentation.BigInteger;
}
