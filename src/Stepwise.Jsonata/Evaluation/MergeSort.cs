namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// The stable merge sort jsonata-js uses for <c>$sort</c> and <c>^(...)</c>. Comparators may be user lambdas that are
/// inconsistent, so the exact merge order matters: the right item is taken only when the comparator says swap.
/// </summary>
internal static class MergeSort
{
    public static object?[] Sort(object?[] items, ISwapComparer comparer)
    {
        if (items.Length <= 1)
        {
            return items;
        }

        var buffer = new object?[items.Length];
        var source = (object?[])items.Clone();
        SortRange(source, buffer, 0, source.Length, comparer);
        return source;
    }

    private static void SortRange(object?[] items, object?[] buffer, int start, int end, ISwapComparer comparer)
    {
        int length = end - start;
        if (length <= 1)
        {
            return;
        }

        int middle = start + (length / 2);
        SortRange(items, buffer, start, middle, comparer);
        SortRange(items, buffer, middle, end, comparer);
        int l = start, r = middle, o = start;
        while (l < middle && r < end)
        {
            if (comparer.Swap(items[l], items[r]))
            {
                buffer[o++] = items[r++];
            }
            else
            {
                buffer[o++] = items[l++];
            }
        }

        while (l < middle)
        {
            buffer[o++] = items[l++];
        }

        while (r < end)
        {
            buffer[o++] = items[r++];
        }

        Array.Copy(buffer, start, items, start, length);
    }
}
