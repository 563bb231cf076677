namespace Stepwise.Storage.Paging;

/// <summary>
/// Which page of a listing to read: at most <paramref name="MaxResults"/> items (1 or more; the API layer applies
/// AWS's default of 100 and cap of 1000) after the position <paramref name="NextToken"/> names (null for the first page).
/// </summary>
public readonly record struct PageRequest(int MaxResults, string? NextToken = null)
{
    /// <summary>The first page of up to <paramref name="maxResults"/> items.</summary>
    public static PageRequest First(int maxResults) => new(maxResults);
}
