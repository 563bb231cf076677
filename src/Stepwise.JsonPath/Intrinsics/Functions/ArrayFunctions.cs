using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength and ArrayUnique.</summary>
internal static class ArrayFunctions
{
    public static bool TryArray(JsonValue[] arguments, [NotNullWhen(true)] out JsonValue? result)
    {
        // The argument array is ours (see IntrinsicFunctions.TryInvoke), so it becomes the array's storage.
        result = JsonArray.TakeOwnership(arguments);
        return true;
    }

    public static bool TryPartition(JsonValue array, JsonValue chunkSize, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        if (array is not JsonArray items || !JavaMath.TryTruncateToInt32(chunkSize, out int size) || size <= 0
            || items.GetUtf8Size() > IntrinsicFunctions.PayloadLimitBytes)
        {
            return false;
        }

        ReadOnlySpan<JsonValue> source = items.AsSpan();
        var chunks = new JsonValue[(source.Length + size - 1) / size];
        for (int i = 0; i < chunks.Length; i++)
        {
            int start = i * size;
            chunks[i] = JsonArray.Create(source.Slice(start, Math.Min(size, source.Length - start)));
        }

        result = JsonArray.TakeOwnership(chunks);
        return true;
    }

    public static bool TryContains(JsonValue array, JsonValue lookingFor, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        if (array is not JsonArray items || items.GetUtf8Size() > IntrinsicFunctions.PayloadLimitBytes)
        {
            return false;
        }

        bool found = false;
        foreach (JsonValue item in items.AsSpan())
        {
            if (JacksonEquality.Instance.Equals(item, lookingFor))
            {
                found = true;
                break;
            }
        }

        result = JsonValue.FromBoolean(found);
        return true;
    }

    public static bool TryRange(JsonValue first, JsonValue last, JsonValue step, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        if (!JavaMath.TryTruncateToInt32(first, out int start) || !JavaMath.TryTruncateToInt32(last, out int end)
            || !JavaMath.TryTruncateToInt32(step, out int increment) || increment == 0)
        {
            return false;
        }

        // Both bounds are inclusive; a step pointing away from the end gives an empty array. The length is computed
        // before anything is allocated, so ArrayRange(0, 2147483647, 1) is rejected without building it.
        long span = (long)end - start;
        long count = span == 0 || (span > 0 == increment > 0) ? (span / increment) + 1 : 0;
        if (count > IntrinsicFunctions.ArrayRangeLimit)
        {
            return false;
        }

        var values = new JsonValue[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = JsonNumber.FromInt64(start + ((long)i * increment));
        }

        result = JsonArray.TakeOwnership(values);
        return true;
    }

    public static bool TryGetItem(JsonValue array, JsonValue index, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        if (array is not JsonArray items || !JavaMath.TryTruncateToInt32(index, out int position)
            || position < 0 || position >= items.Count)
        {
            return false;
        }

        result = items[position];
        return true;
    }

    public static bool TryLength(JsonValue array, [NotNullWhen(true)] out JsonValue? result)
    {
        result = array is JsonArray items ? JsonNumber.FromInt64(items.Count) : null;
        return result is not null;
    }

    public static bool TryUnique(JsonValue array, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        if (array is not JsonArray items)
        {
            return false;
        }

        // First occurrences, in order (a LinkedHashSet of Jackson nodes).
        ReadOnlySpan<JsonValue> source = items.AsSpan();
        var seen = new HashSet<JsonValue>(source.Length, JacksonEquality.Instance);
        var unique = new List<JsonValue>(source.Length);
        foreach (JsonValue item in source)
        {
            if (seen.Add(item))
            {
                unique.Add(item);
            }
        }

        result = unique.Count == source.Length ? items : JsonArray.Create(unique);
        return true;
    }
}
