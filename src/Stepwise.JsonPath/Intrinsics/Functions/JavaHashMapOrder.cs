namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// The iteration order of a <c>java.util.HashMap</c> (and <c>HashSet</c>): by bucket, then by insertion within a
/// bucket. AWS builds some intrinsic results in these Java collections, so their order is the bucket order, not the
/// input order: JsonMerge yields constant_input_field before constant_in_literal (test_json_merge_escaped_argument)
/// and ArrayUnique([true, false, true, false]) yields [false, true] (recorded against AWS in public
/// characterisation suites), and the ItemReader's CSV items are HashMaps (the corpus shows keys <c>0, {}, True</c> for
/// headers <c>0, True, {}</c>). Buckets are reproduced exactly (the hash is spread as <c>HashMap.hash</c> spreads it);
/// a bin of eight or more colliding keys, which Java turns into a tree, is not modelled.
/// </summary>
internal static class JavaHashMapOrder
{
    private const int DefaultCapacity = 16;

    /// <summary>The table size of a default-constructed map after <paramref name="count"/> insertions (load factor 0.75, doubling).</summary>
    public static int GrownCapacity(int count)
    {
        int capacity = DefaultCapacity;
        while (count > capacity / 4 * 3)
        {
            capacity <<= 1;
        }

        return capacity;
    }

    /// <summary>
    /// The table size of <c>new HashSet&lt;&gt;(collection)</c> for a collection of <paramref name="count"/> items:
    /// <c>tableSizeFor(max((int)(count / .75f) + 1, 16))</c>. It never grows while the collection's items are added.
    /// </summary>
    public static int PresizedCapacity(int count)
    {
        int wanted = Math.Max((int)(count / .75f) + 1, DefaultCapacity);
        return (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)wanted);
    }

    /// <summary>
    /// Writes to <paramref name="order"/> the positions of <paramref name="keys"/> (distinct) in the iteration order of a
    /// default-constructed map they were put into in order.
    /// </summary>
    public static void OfPutKeys(ReadOnlySpan<string> keys, Span<int> order)
    {
        Span<int> hashes = keys.Length <= 128 ? stackalloc int[keys.Length] : new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            hashes[i] = JavaHash.OfString(keys[i]);
        }

        Sort(hashes, GrownCapacity(keys.Length), order);
    }

    /// <summary>
    /// Stably sorts the positions 0..n-1 of <paramref name="order"/> by the bucket each hash falls in for a table of
    /// <paramref name="capacity"/>; <paramref name="hashes"/> are Java <c>hashCode()</c> values in insertion order.
    /// </summary>
    public static void Sort(ReadOnlySpan<int> hashes, int capacity, Span<int> order)
    {
        int count = hashes.Length;
        Span<int> buckets = count <= 256 ? stackalloc int[count] : new int[count];
        for (int i = 0; i < count; i++)
        {
            int hash = hashes[i];

            // HashMap.hash(): the high half is folded into the low half before masking.
            buckets[i] = (hash ^ (int)((uint)hash >> 16)) & (capacity - 1);
            order[i] = i;
        }

        // Insertion sort: stable, and the collections built here are small.
        for (int i = 1; i < count; i++)
        {
            int position = order[i];
            int bucket = buckets[position];
            int j = i - 1;
            while (j >= 0 && buckets[order[j]] > bucket)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = position;
        }
    }
}
