using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;

namespace Stepwise.Api.StateMachines;

/// <summary>The state machine actions: create, describe, update, delete, list.</summary>
internal static class StateMachineActions
{
    public static void Register(ApiCatalog catalog)
    {
        var json = ApiJsonContext.Default;
        catalog.Add("ListStateMachines", json.ListStateMachinesRequest, json.ListStateMachinesResponse, ListAsync);
    }

    private static async Task<ListStateMachinesResponse> ListAsync(ApiContext context, ListStateMachinesRequest request,
        CancellationToken cancellationToken)
    {
        var page = await context.Engine.Store.StateMachines
            .ListAsync(Paging.Request(request.MaxResults, request.NextToken), cancellationToken).ConfigureAwait(false);
        var items = new List<StateMachineListItem>(page.Items.Count);
        foreach (var record in page.Items)
        {
            items.Add(new StateMachineListItem(record.StateMachineArn, record.Name, record.Type, record.CreationDate));
        }

        return new ListStateMachinesResponse(items, page.NextToken);
    }
}
