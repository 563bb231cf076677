using Stepwise.Storage.Paging;

namespace Stepwise.Storage.InMemory;

internal static class InMemoryPaging
{
    /// <summary>
    /// The first <paramref name="maxResults"/> of the sorted <paramref name="matches"/>, with a token naming the last
    /// one's position when more follow.
    /// </summary>
    public static Page<TResult> Take<TSource, TResult>(List<TSource> matches, int maxResults, Func<TSource, TResult> select,
        Func<TSource, long> position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        var count = Math.Min(maxResults, matches.Count);
        var items = new TResult[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = select(matches[i]);
        }

        var next = matches.Count > count ? PageTokens.From(position(matches[count - 1])) : null;
        return new Page<TResult>(items, next);
    }
}
