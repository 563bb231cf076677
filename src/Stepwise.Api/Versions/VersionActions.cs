using Stepwise.Api.Aliases;
using Stepwise.Api.Protocol;
using Stepwise.Api.StateMachines;
using Stepwise.Api.Validation;
using Stepwise.Storage;

namespace Stepwise.Api.Versions;

/// <summary>The version actions: publish, list, delete.</summary>
internal static class VersionActions
{
    public static void Register(ApiCatalog catalog)
    {
        var json = VersionJsonContext.Default;
        catalog.Add("PublishStateMachineVersion", json.PublishStateMachineVersionRequest, json.PublishStateMachineVersionResponse, PublishAsync);
        catalog.Add("ListStateMachineVersions", json.ListStateMachineVersionsRequest, json.ListStateMachineVersionsResponse, ListAsync);
        catalog.Add("DeleteStateMachineVersion", json.DeleteStateMachineVersionRequest, json.EmptyResponse, DeleteAsync);
    }

    private static async Task<PublishStateMachineVersionResponse> PublishAsync(ApiContext context, PublishStateMachineVersionRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.StateMachine(request.StateMachineArn, "stateMachineArn");
        if (request.Description is not null)
        {
            Constraints.Length(request.Description, "description", 0, StateMachineSettings.MaxDescriptionLength);
        }

        var machines = context.Engine.Store.StateMachines;
        var machine = await machines.GetAsync(arn.Arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.StateMachine, arn.Arn);
        if (request.RevisionId is not null && !string.Equals(request.RevisionId, machine.RevisionId, StringComparison.Ordinal))
        {
            throw new ApiException("ConflictException",
                $"Failed to publish the State Machine version for revision {request.RevisionId}. The current State Machine revision is {machine.RevisionId}.");
        }

        var version = await machines.PublishVersionAsync(arn.Arn, request.Description, ApiClock.Now(context.Engine), cancellationToken)
            .ConfigureAwait(false);
        return new PublishStateMachineVersionResponse(version.CreationDate, version.StateMachineVersionArn);
    }

    private static async Task<ListStateMachineVersionsResponse> ListAsync(ApiContext context, ListStateMachineVersionsRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.StateMachine(request.StateMachineArn, "stateMachineArn");
        var page = Paging.Request(request.MaxResults, request.NextToken);
        var machines = context.Engine.Store.StateMachines;
        _ = await machines.GetAsync(arn.Arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.StateMachine, arn.Arn);
        var versions = await machines.ListVersionsAsync(arn.Arn, page, cancellationToken).ConfigureAwait(false);
        var items = new List<StateMachineVersionListItem>(versions.Items.Count);
        foreach (var version in versions.Items)
        {
            items.Add(new StateMachineVersionListItem(version.StateMachineVersionArn, version.CreationDate));
        }

        return new ListStateMachineVersionsResponse(items, versions.NextToken);
    }

    private static async Task<EmptyResponse> DeleteAsync(ApiContext context, DeleteStateMachineVersionRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.Version(request.StateMachineVersionArn, "stateMachineVersionArn");
        var referencing = await AliasRoutes.AliasesRoutingToAsync(context.Engine.Store, arn, cancellationToken).ConfigureAwait(false);
        if (referencing.Count != 0)
        {
            throw new ApiException("ConflictException",
                $"Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [{string.Join(", ", referencing)}]");
        }

        // Deleting a version that does not exist succeeds, as AWS's deletes do.
        await context.Engine.Store.StateMachines.DeleteVersionAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
        return new EmptyResponse();
    }
}
