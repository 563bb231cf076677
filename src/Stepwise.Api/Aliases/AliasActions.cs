using Stepwise.Api.Protocol;
using Stepwise.Api.StateMachines;
using Stepwise.Api.Validation;
using Stepwise.Storage;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Api.Aliases;

/// <summary>The alias actions: create, describe, update, delete, list.</summary>
internal static class AliasActions
{
    public static void Register(ApiCatalog catalog)
    {
        var json = AliasJsonContext.Default;
        catalog.Add("CreateStateMachineAlias", json.CreateStateMachineAliasRequest, json.CreateStateMachineAliasResponse, CreateAsync);
        catalog.Add("DescribeStateMachineAlias", json.DescribeStateMachineAliasRequest, json.DescribeStateMachineAliasResponse, DescribeAsync);
        catalog.Add("UpdateStateMachineAlias", json.UpdateStateMachineAliasRequest, json.UpdateStateMachineAliasResponse, UpdateAsync);
        catalog.Add("DeleteStateMachineAlias", json.DeleteStateMachineAliasRequest, json.EmptyResponse, DeleteAsync);
        catalog.Add("ListStateMachineAliases", json.ListStateMachineAliasesRequest, json.ListStateMachineAliasesResponse, ListAsync);
    }

    private static async Task<CreateStateMachineAliasResponse> CreateAsync(ApiContext context, CreateStateMachineAliasRequest request,
        CancellationToken cancellationToken)
    {
        string name = Constraints.Required(request.Name, "name");
        ResourceNames.ValidateAlias(name);
        ValidateDescription(request.Description);
        var store = context.Engine.Store;
        var (routes, machineArn) = await AliasRoutes.ValidateAsync(store, request.RoutingConfiguration, cancellationToken).ConfigureAwait(false);
        var alias = new StateMachineAliasRecord
        {
            StateMachineAliasArn = machineArn + ":" + name,
            StateMachineArn = machineArn,
            Name = name,
            RoutingConfiguration = routes,
            CreationDate = ApiClock.Now(context.Engine),
            Description = request.Description,
        };
        if (await store.Aliases.GetAsync(alias.StateMachineAliasArn, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            // Creating the same alias again is idempotent; any difference is a conflict (recorded, description included).
            if (SameRoutes(existing.RoutingConfiguration, routes) && string.Equals(existing.Description, alias.Description, StringComparison.Ordinal))
            {
                return new CreateStateMachineAliasResponse(existing.StateMachineAliasArn, existing.CreationDate);
            }

            throw new ApiException("ConflictException",
                "Failed to create alias because an alias with the same name and a different routing configuration already exists.");
        }

        await store.Aliases.CreateAsync(alias, cancellationToken).ConfigureAwait(false);
        return new CreateStateMachineAliasResponse(alias.StateMachineAliasArn, alias.CreationDate);
    }

    private static async Task<DescribeStateMachineAliasResponse> DescribeAsync(ApiContext context, DescribeStateMachineAliasRequest request,
        CancellationToken cancellationToken)
    {
        var alias = await GetAsync(context, request.StateMachineAliasArn, cancellationToken).ConfigureAwait(false);
        return new DescribeStateMachineAliasResponse(alias.StateMachineAliasArn, alias.Name, alias.Description,
            AliasRoutes.ToResponse(alias.RoutingConfiguration), alias.CreationDate, alias.UpdateDate);
    }

    private static async Task<UpdateStateMachineAliasResponse> UpdateAsync(ApiContext context, UpdateStateMachineAliasRequest request,
        CancellationToken cancellationToken)
    {
        var alias = await GetAsync(context, request.StateMachineAliasArn, cancellationToken).ConfigureAwait(false);
        if (request.Description is null && request.RoutingConfiguration is null)
        {
            throw new ApiException("MissingRequiredParameter", "Either the description or the RoutingConfiguration must be specified");
        }

        ValidateDescription(request.Description);
        var routes = alias.RoutingConfiguration;
        if (request.RoutingConfiguration is not null)
        {
            (routes, string machineArn) = await AliasRoutes.ValidateAsync(context.Engine.Store, request.RoutingConfiguration, cancellationToken)
                .ConfigureAwait(false);
            if (!string.Equals(machineArn, alias.StateMachineArn, StringComparison.Ordinal))
            {
                throw new ApiException(ApiErrorTypes.Validation,
                    $"Routing configuration must contain state machine version ARNs of the alias's state machine '{alias.StateMachineArn}'.");
            }
        }

        var now = ApiClock.Now(context.Engine);
        await context.Engine.Store.Aliases.UpdateAsync(
            alias with { RoutingConfiguration = routes, Description = request.Description ?? alias.Description, UpdateDate = now },
            cancellationToken).ConfigureAwait(false);
        return new UpdateStateMachineAliasResponse(now);
    }

    private static async Task<EmptyResponse> DeleteAsync(ApiContext context, DeleteStateMachineAliasRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Alias(request.StateMachineAliasArn, "stateMachineAliasArn");
        if (!await context.Engine.Store.Aliases.DeleteAsync(arn.Arn, cancellationToken).ConfigureAwait(false))
        {
            throw new ResourceNotFoundException(ResourceKinds.StateMachineAlias, arn.Arn);
        }

        return new EmptyResponse();
    }

    private static async Task<ListStateMachineAliasesResponse> ListAsync(ApiContext context, ListStateMachineAliasesRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.StateMachine(request.StateMachineArn, "stateMachineArn");
        var page = Paging.Request(request.MaxResults, request.NextToken);
        var store = context.Engine.Store;
        _ = await store.StateMachines.GetAsync(arn.Arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.StateMachine, arn.Arn);
        var aliases = await store.Aliases.ListAsync(arn.Arn, page, cancellationToken).ConfigureAwait(false);
        var items = new List<StateMachineAliasListItem>(aliases.Items.Count);
        foreach (var alias in aliases.Items)
        {
            items.Add(new StateMachineAliasListItem(alias.StateMachineAliasArn, alias.CreationDate));
        }

        return new ListStateMachineAliasesResponse(items, aliases.NextToken);
    }

    private static async Task<StateMachineAliasRecord> GetAsync(ApiContext context, string? aliasArn, CancellationToken cancellationToken)
    {
        var arn = Arns.Alias(aliasArn, "stateMachineAliasArn");
        return await context.Engine.Store.Aliases.GetAsync(arn.Arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.StateMachineAlias, arn.Arn);
    }

    private static void ValidateDescription(string? description)
    {
        if (description is not null)
        {
            Constraints.Length(description, "description", 0, StateMachineSettings.MaxDescriptionLength);
        }
    }

    private static bool SameRoutes(IReadOnlyList<AliasRoute> a, IReadOnlyList<AliasRoute> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
