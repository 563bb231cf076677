using Stepwise.Api.Protocol;
using Stepwise.Storage.Paging;

namespace Stepwise.Api.Validation;

/// <summary>AWS's paging parameters: <c>maxResults</c> 0–1000 (0 or absent means the default of 100) and an opaque <c>nextToken</c>.</summary>
internal static class Paging
{
    public const int DefaultMaxResults = 100;
    public const int MaxMaxResults = 1000;
    public const int MaxTokenLength = 1024;

    public static PageRequest Request(int? maxResults, string? nextToken)
    {
        int max = maxResults ?? 0;
        if (max < 0 || max > MaxMaxResults)
        {
            string bound = max < 0 ? "greater than or equal to 0" : $"less than or equal to {MaxMaxResults}";
            throw new ApiException(ApiErrorTypes.Validation,
                $"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value {bound}");
        }

        if (nextToken is { Length: > MaxTokenLength })
        {
            throw new ApiException(ApiErrorTypes.Validation,
                $"1 validation error detected: Value at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to {MaxTokenLength}");
        }

        return new PageRequest(max == 0 ? DefaultMaxResults : max, nextToken);
    }
}
