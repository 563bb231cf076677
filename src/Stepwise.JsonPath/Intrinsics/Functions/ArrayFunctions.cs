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
        var chunks = new JsonValue[(source.Length / size) + (source.Length % size == 0 ? 0 : 1)];
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

        // AWS compares the Java text of the values, not the values: true matches "true", 5 matches "5", and objects
        // match only with their keys in the same order (recorded against AWS in public characterisation suites; the
        // corpus cases test_array_contains__exec0..8 agree).
        string target = JavaText.ToString(lookingFor);
        bool found = false;
        foreach (JsonValue item in items.AsSpan())
        {
            if (string.Equals(JavaText.ToString(item), target, StringComparison.Ordinal))
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
        if (array is not JsonArray items || !JavaMath.TryTruncateToInt32(index, out int position) || position < 0)
        {
            return false;
        }

        if (items.Count == 0)
        {
            // AWS answers null for any index into an empty array, while an index past the end of a non-empty array
            // is rejected (both recorded against AWS in public characterisation suites).
            result = JsonValue.Null;
            return true;
        }

        if (position >= items.Count)
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

        // AWS collects the items in a java.util.HashSet (new HashSet<>(list)): duplicates are dropped by Java
        // equality and the survivors come out in bucket order, so [true, false] becomes [false, true] and
        // [[1,2],[2,1]] becomes [[2,1],[1,2]] (recorded against AWS in public characterisation suites).
        ReadOnlySpan<JsonValue> source = items.AsSpan();
        var seen = new HashSet<JsonValue>(source.Length, JavaEquality.Instance);
        var unique = new List<JsonValue>(source.Length);
        foreach (JsonValue item in source)
        {
            if (seen.Add(item))
            {
                unique.Add(item);
            }
        }

        int count = unique.Count;
        var hashes = new int[count];
        for (int i = 0; i < count; i++)
        {
            hashes[i] = JavaHash.Of(unique[i]);
        }

        var order = new int[count];
        JavaHashMapOrder.Sort(hashes, JavaHashMapOrder.PresizedCapacity(source.Length), order);
        var values = new JsonValue[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = unique[order[i]];
        }

        result = JsonArray.TakeOwnership(values);
        return true;
    }
}
