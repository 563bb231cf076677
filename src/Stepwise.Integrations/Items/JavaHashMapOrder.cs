namespace Stepwise.Integrations.Items;

/// <summary>
/// The iteration order of a <c>java.util.HashMap</c> filled with the given keys in order. AWS builds each CSV item as
/// a HashMap, so its keys come out in this order (the corpus shows <c>0, {}, True</c> for headers <c>0, True, {}</c>
/// and <c>"", H1</c> for <c>H1, ""</c>): buckets by the spread hash of <c>String.hashCode</c>, insertion order within
/// a bucket, a table of the smallest power of two from 16 that keeps the load factor at or under 0.75.
/// </summary>
internal static class JavaHashMapOrder
{
    /// <summary>The indexes of <paramref name="keys"/> in iteration order (keys are distinct).</summary>
    public static int[] Of(IReadOnlyList<string> keys)
    {
        int capacity = 16;
        while (keys.Count > capacity * 3 / 4)
        {
            capacity *= 2;
        }

        // Sorting by (bucket, insertion index) keeps insertion order within a bucket.
        var positions = new long[keys.Count];
        var order = new int[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            int hash = JavaHashCode(keys[i]);
            int bucket = (hash ^ (int)((uint)hash >> 16)) & (capacity - 1);
            positions[i] = ((long)bucket * keys.Count) + i;
            order[i] = i;
        }

        Array.Sort(positions, order);
        return order;
    }

    /// <summary>Java's <c>String.hashCode</c>: <c>s[0]*31^(n-1) + … + s[n-1]</c> over UTF-16 units, wrapping.</summary>
    private static int JavaHashCode(string value)
    {
        int hash = 0;
        foreach (char c in value)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }
}
