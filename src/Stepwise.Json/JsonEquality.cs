namespace Stepwise.Json;

/// <summary>Structural equality of JSON values: key order ignored, numbers compared by value.</summary>
internal static class JsonEquality
{
    public static bool DeepEquals(JsonValue? left, JsonValue? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Kind != right.Kind)
        {
            return false;
        }

        switch (left)
        {
            case JsonNumber number:
                return number.NumericEquals((JsonNumber)right);
            case JsonString text:
                return string.Equals(text.Value, ((JsonString)right).Value, StringComparison.Ordinal);
            case JsonArray array:
            {
                var other = (JsonArray)right;
                if (array.Count != other.Count)
                {
                    return false;
                }

                for (int i = 0; i < array.Count; i++)
                {
                    if (!DeepEquals(array[i], other[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonObject obj:
            {
                var other = (JsonObject)right;
                if (obj.Count != other.Count)
                {
                    return false;
                }

                for (int i = 0; i < obj.Count; i++)
                {
                    if (!other.TryGetValue(obj.Keys[i], out var otherValue) || !DeepEquals(obj.Values[i], otherValue))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                // null, true and false are singletons of their kind.
                return true;
        }
    }

    public static int GetHashCode(JsonValue value)
    {
        switch (value)
        {
            case JsonNumber number:
                return number.NumericHashCode();
            case JsonString text:
                return text.Value.GetHashCode(StringComparison.Ordinal);
            case JsonArray array:
            {
                var hash = new HashCode();
                hash.Add(array.Count);
                foreach (var item in array)
                {
                    hash.Add(GetHashCode(item));
                }

                return hash.ToHashCode();
            }

            case JsonObject obj:
            {
                // Order-insensitive, to agree with DeepEquals.
                int hash = obj.Count;
                for (int i = 0; i < obj.Count; i++)
                {
                    hash ^= HashCode.Combine(obj.Keys[i].GetHashCode(StringComparison.Ordinal), GetHashCode(obj.Values[i]));
                }

                return hash;
            }

            default:
                return (int)value.Kind;
        }
    }
}
