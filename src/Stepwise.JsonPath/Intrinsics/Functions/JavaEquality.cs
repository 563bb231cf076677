using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// Java's <c>equals</c> on the values as plain Java objects (see <see cref="JavaHash"/>), which is how the
/// <c>HashSet</c> behind States.ArrayUnique tells duplicates apart: an <c>Integer</c> never equals a <c>Double</c>
/// (1 ≠ 1.0), maps are equal whatever their key order, lists compare element by element.
/// </summary>
internal sealed class JavaEquality : IEqualityComparer<JsonValue>
{
    public static readonly JavaEquality Instance = new();

    private JavaEquality()
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

    // Java's own hash: equal values hash alike, and it is the hash the bucket order is computed from anyway.
    public int GetHashCode(JsonValue obj) => JavaHash.Of(obj);

    private static bool IsInteger(JsonNumber number) =>
        number.Representation is NumberRepresentation.Int64 or NumberRepresentation.BigInteger;
}
