using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// The iteration order of a <c>java.util.HashMap</c>. AWS builds the result of States.JsonMerge in a HashMap, so its
/// keys come out in bucket order, not insertion order: merging {"constant_in_literal"} with {"constant_input_field"}
/// yields constant_input_field first (test_json_merge_escaped_argument), and a,b,d + a,c,d yields a,b,c,d
/// (test_json_merge). Bucket order is reproduced exactly for a default-constructed map (capacity 16, load factor
/// 0.75, doubling); keys sharing a bucket keep their insertion order, as Java's list bins and resize splits do.
/// (Java turns a bin of eight or more colliding keys into a tree; such collisions are not modelled.)
/// </summary>
internal static class JavaHashMapOrder
{
    /// <summary>Sorts <paramref name="keys"/> and <paramref name="values"/> in place into HashMap iteration order.</summary>
    public static void Sort(string[] keys, JsonValue[] values)
    {
        int count = keys.Length;
        int capacity = 16;
        while (count > capacity * 3 / 4)
        {
            capacity <<= 1;
        }

        // Sort by (bucket, insertion index): an insertion sort is stable and the objects merged here are small.
        var buckets = new int[count];
        for (int i = 0; i < count; i++)
        {
            buckets[i] = Spread(JavaStringHash(keys[i])) & (capacity - 1);
        }

        for (int i = 1; i < count; i++)
        {
            int bucket = buckets[i];
            string key = keys[i];
            JsonValue value = values[i];
            int j = i - 1;
            while (j >= 0 && buckets[j] > bucket)
            {
                buckets[j + 1] = buckets[j];
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }

            buckets[j + 1] = bucket;
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }

    /// <summary>Java's <c>String.hashCode</c>: s[0]*31^(n-1) + ... + s[n-1] over UTF-16 code units, in int arithmetic.</summary>
    public static int JavaStringHash(string text)
    {
        int hash = 0;
        foreach (char c in text)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }

    // HashMap.hash(): the high half is folded into the low half before masking.
    private static int Spread(int hash) => hash ^ (int)((uint)hash >> 16);
}
