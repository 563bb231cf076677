using Stepwise.Storage.Paging;

namespace Stepwise.Api.Validation;

/// <summary>AWS's paging parameters: <c>maxResults</c> 0–1000 (0 or absent means the default of 100) and an opaque <c>nextToken</c> of 1–1024 characters.</summary>
internal static class Paging
{
    public const int DefaultMaxResults = 100;
    public const int MaxMaxResults = 1000;
    public const int MaxTokenLength = 1024;

    public static PageRequest Request(int? maxResults, string? nextToken)
    {
        int max = maxResults ?? 0;
        Constraints.Range(max, "maxResults", 0, MaxMaxResults);
        if (nextToken is not null)
        {
            Constraints.Length(nextToken, "nextToken", 1, MaxTokenLength);
        }

        return new PageRequest(max == 0 ? DefaultMaxResults : max, nextToken);
    }
}
