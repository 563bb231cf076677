namespace Stepwise.Storage.Paging;

/// <summary>
/// One page of a listing. <paramref name="NextToken"/> is null on the last page; otherwise pass it back unchanged to
/// read the next page (it is opaque and only valid for the same query).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);
