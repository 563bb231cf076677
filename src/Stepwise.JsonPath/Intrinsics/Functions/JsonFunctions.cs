using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>States.StringToJson, States.JsonToString and States.JsonMerge.</summary>
internal static class JsonFunctions
{
    public static bool TryStringToJson(JsonValue text, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        if (text is not JsonString json)
        {
            return false;
        }

        // Jackson reads an empty or all-blank document as "no content", which AWS returns as null
        // (test_string_to_json__exec0, exec1).
        if (string.IsNullOrWhiteSpace(json.Value))
        {
            result = JsonValue.Null;
            return true;
        }

        return JsonValue.TryParse(json.Value, out result, out _);
    }

    public static bool TryJsonToString(JsonValue value, [NotNullWhen(true)] out JsonValue? result)
    {
        result = new JsonString(value.ToJsonString());
        return true;
    }

    public static bool TryMerge(JsonValue first, JsonValue second, JsonValue deep, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;

        // Only the shallow mode exists (AWS documents that the third argument must be false). AWS reads the flag as
        // Boolean.parseBoolean reads the argument's text, so the string "false" also merges shallowly (recorded
        // against AWS in public characterisation suites); only a true flag is rejected.
        if (first is not JsonObject left || second is not JsonObject right
            || string.Equals(JavaText.ToString(deep), "true", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Shallow: the second object's value wins for a shared key; nested objects are not merged. The keys enter a
        // Java HashMap in this order, which then decides the output order.
        int capacity = left.Count + right.Count;
        var keys = new string[capacity];
        var values = new JsonValue[capacity];
        int count = 0;
        foreach (KeyValuePair<string, JsonValue> property in left)
        {
            keys[count] = property.Key;
            values[count++] = right.TryGetValue(property.Key, out JsonValue? replacement) ? replacement : property.Value;
        }

        foreach (KeyValuePair<string, JsonValue> property in right)
        {
            if (!left.ContainsKey(property.Key))
            {
                keys[count] = property.Key;
                values[count++] = property.Value;
            }
        }

        Span<int> order = count <= 128 ? stackalloc int[count] : new int[count];
        JavaHashMapOrder.OfPutKeys(keys.AsSpan(0, count), order);

        var builder = new JsonObjectBuilder(count);
        foreach (int position in order)
        {
            builder.Set(keys[position], values[position]);
        }

        result = builder.ToObject();
        return true;
    }
}
