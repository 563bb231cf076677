using System.Globalization;
using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;
using Stepwise.Hosting;
using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.Paging;

namespace Stepwise.Api.MapRuns;

/// <summary>The map run actions of distributed Map states: list, describe, update.</summary>
internal static class MapRunActions
{
    private const double MaxPercentage = 100;

    public static void Register(ApiCatalog catalog)
    {
        var json = MapRunJsonContext.Default;
        catalog.Add("ListMapRuns", json.ListMapRunsRequest, json.ListMapRunsResponse, ListAsync);
        catalog.Add("DescribeMapRun", json.DescribeMapRunRequest, json.DescribeMapRunResponse, DescribeAsync);
        catalog.Add("UpdateMapRun", json.UpdateMapRunRequest, json.EmptyResponse, UpdateAsync);
    }

    private static async Task<ListMapRunsResponse> ListAsync(ApiContext context, ListMapRunsRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Execution(request.ExecutionArn, "executionArn");
        var page = Paging.Request(request.MaxResults, request.NextToken);
        long first = PageTokens.Parse(page.NextToken) ?? 0;
        var runs = await context.Engine.ListMapRunsAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
        if (first < 0 || first > runs.Count)
        {
            throw new InvalidPageTokenException(page.NextToken!);
        }

        int end = (int)Math.Min(runs.Count, first + page.MaxResults);
        var items = new List<MapRunListItem>(end - (int)first);
        for (int i = (int)first; i < end; i++)
        {
            var described = runs[i];
            items.Add(new MapRunListItem
            {
                ExecutionArn = described.ExecutionArn,
                MapRunArn = described.MapRunArn,
                StateMachineArn = described.StateMachineArn,
                StartDate = described.StartDate,
                StopDate = described.StopDate,
            });
        }

        return new ListMapRunsResponse(items, end < runs.Count ? PageTokens.From(end) : null);
    }

    private static async Task<DescribeMapRunResponse> DescribeAsync(ApiContext context, DescribeMapRunRequest request, CancellationToken cancellationToken)
    {
        var run = await FindAsync(context, request.MapRunArn, cancellationToken).ConfigureAwait(false);
        return new DescribeMapRunResponse
        {
            MapRunArn = run.MapRunArn,
            ExecutionArn = run.ExecutionArn,
            Status = run.Status,
            StartDate = run.StartDate,
            StopDate = run.StopDate,
            MaxConcurrency = run.MaxConcurrency,

            // A Map state without tolerated failures reports 0 for both (none tolerated).
            ToleratedFailurePercentage = Math.Max(0, run.ToleratedFailurePercentage),
            ToleratedFailureCount = Math.Max(0, run.ToleratedFailureCount),
            ItemCounts = Counts(run.ItemCounts),
            ExecutionCounts = Counts(run.ExecutionCounts),
            RedriveCount = run.RedriveCount,
            RedriveDate = run.RedriveDate,
        };
    }

    private static MapRunCounts Counts(Storage.MapRuns.MapRunCounts tally) => new(tally.Pending, tally.Running, tally.Succeeded, tally.Failed, tally.TimedOut,
        tally.Aborted, tally.Total, tally.ResultsWritten, tally.FailuresNotRedrivable, tally.PendingRedrive);

    private static async Task<EmptyResponse> UpdateAsync(ApiContext context, UpdateMapRunRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.MapRun(request.MapRunArn, "mapRunArn");
        if (request.MaxConcurrency is int maxConcurrency)
        {
            Constraints.Range(maxConcurrency, "maxConcurrency", 0, int.MaxValue);
        }

        if (request.ToleratedFailureCount is long toleratedCount)
        {
            Constraints.Range(toleratedCount, "toleratedFailureCount", 0, long.MaxValue);
        }

        if (request.ToleratedFailurePercentage is double percentage && percentage is < 0 or > MaxPercentage)
        {
            throw Constraints.Violation(percentage.ToString(CultureInfo.InvariantCulture), "toleratedFailurePercentage",
                percentage < 0 ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 100");
        }

        var described = await FindAsync(context, arn.Arn, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(described.Status, MapRunStatuses.Running, StringComparison.Ordinal))
        {
            // UpdateMapRun changes an in-progress run only.
            throw new ApiException(ApiErrorTypes.Validation, $"Map Run is not in progress: '{arn.Arn}' is {described.Status}");
        }

        await context.Engine.UpdateMapRunAsync(arn.Arn, request.MaxConcurrency, request.ToleratedFailureCount,
            request.ToleratedFailurePercentage, cancellationToken).ConfigureAwait(false);
        return new EmptyResponse();
    }

    private static async Task<MapRunRecord> FindAsync(ApiContext context, string? mapRunArn, CancellationToken cancellationToken)
    {
        var arn = Arns.MapRun(mapRunArn, "mapRunArn");
        return await context.Engine.DescribeMapRunAsync(arn.Arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.MapRun, arn.Arn);
    }
}
