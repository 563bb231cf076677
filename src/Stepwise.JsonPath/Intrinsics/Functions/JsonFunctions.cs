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

        // Only the shallow mode exists: AWS documents that the third argument must be false.
        if (first is not JsonObject left || second is not JsonObject right || deep.Kind != JsonValueKind.False)
        {
            return false;
        }

        // Shallow: the second object's value wins for a shared key; nested objects are not merged.
        var keys = new List<string>(left.Count + right.Count);
        var values = new List<JsonValue>(left.Count + right.Count);
        foreach (KeyValuePair<string, JsonValue> property in left)
        {
            keys.Add(property.Key);
            values.Add(right.TryGetValue(property.Key, out JsonValue? replacement) ? replacement : property.Value);
        }

        foreach (KeyValuePair<string, JsonValue> property in right)
        {
            if (!left.ContainsKey(property.Key))
            {
                keys.Add(property.Key);
                values.Add(property.Value);
            }
        }

        string[] keyArray = keys.ToArray();
        JsonValue[] valueArray = values.ToArray();
        JavaHashMapOrder.Sort(keyArray, valueArray);

        var builder = new JsonObjectBuilder(keyArray.Length);
        for (int i = 0; i < keyArray.Length; i++)
        {
            builder.Set(keyArray[i], valueArray[i]);
        }

        result = builder.ToObject();
        return true;
    }
}
