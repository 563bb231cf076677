using Stepwise.Api.Protocol;
using Stepwise.Api.Tags;
using Stepwise.Api.Validation;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Api.StateMachines;

/// <summary>The state machine actions: create, describe, update, delete, list, and describe for an execution.</summary>
internal static class StateMachineActions
{
    private static readonly string[] s_types = [StateMachineTypes.Standard, StateMachineTypes.Express];

    public static void Register(ApiCatalog catalog)
    {
        var json = ApiJsonContext.Default;
        catalog.Add("CreateStateMachine", json.CreateStateMachineRequest, json.CreateStateMachineResponse, CreateAsync);
        catalog.Add("DescribeStateMachine", json.DescribeStateMachineRequest, json.DescribeStateMachineResponse, DescribeAsync);
        catalog.Add("UpdateStateMachine", json.UpdateStateMachineRequest, json.UpdateStateMachineResponse, UpdateAsync);
        catalog.Add("DeleteStateMachine", json.DeleteStateMachineRequest, json.EmptyResponse, DeleteAsync);
        catalog.Add("ListStateMachines", json.ListStateMachinesRequest, json.ListStateMachinesResponse, ListAsync);
        catalog.Add("DescribeStateMachineForExecution", json.DescribeStateMachineForExecutionRequest,
            json.DescribeStateMachineForExecutionResponse, DescribeForExecutionAsync);
    }

    private static async Task<CreateStateMachineResponse> CreateAsync(ApiContext context, CreateStateMachineRequest request,
        CancellationToken cancellationToken)
    {
        string name = Constraints.Required(request.Name, "name");
        ResourceNames.Validate(name);
        string definition = Constraints.Required(request.Definition, "definition");
        string roleArn = Constraints.Required(request.RoleArn, "roleArn");
        Constraints.Length(roleArn, "roleArn", 1, Arns.MaxLength);
        string type = request.Type ?? StateMachineTypes.Standard;
        Constraints.OneOf(type, "type", s_types);
        StateMachineSettings.ValidateVersionDescription(request.VersionDescription, request.Publish);
        StateMachineSettings.ValidateLogging(request.LoggingConfiguration);
        StateMachineSettings.ValidateDefinition(definition, type);
        var tags = TagRules.Validate(request.Tags, "tags");

        var engine = context.Engine;
        var machines = engine.Store.StateMachines;
        var record = new StateMachineRecord
        {
            StateMachineArn = engine.StateMachineArnOf(name),
            Name = name,
            Type = type,
            Definition = definition,
            RoleArn = roleArn,
            CreationDate = engine.Now,
            RevisionId = Guid.NewGuid().ToString("D"),
            LoggingConfiguration = StateMachineSettings.Store(request.LoggingConfiguration),
            TracingConfiguration = StateMachineSettings.Store(request.TracingConfiguration),
        };
        if (await machines.GetAsync(record.StateMachineArn, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            // CreateStateMachine is idempotent on name, definition, type, logging and tracing, without publishing; a
            // different role is ignored and not applied (CreateStateMachine API reference).
            if (request.Publish != true && SameSettings(existing, record with { RoleArn = existing.RoleArn }))
            {
                return new CreateStateMachineResponse(existing.StateMachineArn, existing.CreationDate, null);
            }

            throw new ResourceAlreadyExistsException(ResourceKinds.StateMachine, existing.StateMachineArn);
        }

        await machines.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        if (tags.Count > 0)
        {
            await engine.TagResourceAsync(record.StateMachineArn, tags, cancellationToken).ConfigureAwait(false);
        }

        string? versionArn = null;
        if (request.Publish == true)
        {
            var version = await machines.PublishVersionAsync(record.StateMachineArn, request.VersionDescription, record.CreationDate, cancellationToken)
                .ConfigureAwait(false);
            versionArn = version.StateMachineVersionArn;
        }

        return new CreateStateMachineResponse(record.StateMachineArn, record.CreationDate, versionArn);
    }

    private static async Task<DescribeStateMachineResponse> DescribeAsync(ApiContext context, DescribeStateMachineRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.StateMachine(request.StateMachineArn, "stateMachineArn", allowQualified: true);
        bool withDefinition = IncludedData.WithDefinition(request.IncludedData);
        var machines = context.Engine.Store.StateMachines;
        if (Arns.IsVersion(arn))
        {
            var version = await machines.GetVersionAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
            var owner = version is null ? null : await machines.GetAsync(version.StateMachineArn, cancellationToken).ConfigureAwait(false);
            if (version is null || owner is null)
            {
                throw new ResourceNotFoundException(ResourceKinds.StateMachine, arn.Arn);
            }

            return new DescribeStateMachineResponse
            {
                StateMachineArn = version.StateMachineVersionArn,
                Name = owner.Name,
                Definition = withDefinition ? version.Definition : null,
                RoleArn = version.RoleArn,
                Type = version.Type,
                CreationDate = version.CreationDate,
                LoggingConfiguration = StateMachineSettings.LoggingOf(owner.LoggingConfiguration),
                TracingConfiguration = StateMachineSettings.TracingOf(owner.TracingConfiguration),
                RevisionId = version.RevisionId,
                Description = version.Description,
            };
        }

        var machine = await machines.GetAsync(arn.Arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.StateMachine, arn.Arn);
        return new DescribeStateMachineResponse
        {
            StateMachineArn = machine.StateMachineArn,
            Name = machine.Name,
            Definition = withDefinition ? machine.Definition : null,
            RoleArn = machine.RoleArn,
            Type = machine.Type,
            CreationDate = machine.CreationDate,
            LoggingConfiguration = StateMachineSettings.LoggingOf(machine.LoggingConfiguration),
            TracingConfiguration = StateMachineSettings.TracingOf(machine.TracingConfiguration),
            RevisionId = machine.RevisionId,
            Description = machine.Description,
        };
    }

    private static async Task<UpdateStateMachineResponse> UpdateAsync(ApiContext context, UpdateStateMachineRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.StateMachine(request.StateMachineArn, "stateMachineArn", allowQualified: true);
        if (request.Definition is null && request.RoleArn is null && request.LoggingConfiguration is null && request.TracingConfiguration is null)
        {
            throw new ApiException("MissingRequiredParameter",
                "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
        }

        if (request.RoleArn is not null)
        {
            Constraints.Length(request.RoleArn, "roleArn", 1, Arns.MaxLength);
        }

        StateMachineSettings.ValidateVersionDescription(request.VersionDescription, request.Publish);
        StateMachineSettings.ValidateLogging(request.LoggingConfiguration);
        var engine = context.Engine;
        var machines = engine.Store.StateMachines;

        // Versions and aliases are immutable here: AWS answers that a qualified ARN names no state machine (recorded).
        var machine = arn.Parts.Length == 1 ? await machines.GetAsync(arn.Arn, cancellationToken).ConfigureAwait(false) : null;
        if (machine is null)
        {
            throw new ResourceNotFoundException(ResourceKinds.StateMachine, arn.Arn);
        }

        if (request.Definition is not null)
        {
            StateMachineSettings.ValidateDefinition(request.Definition, machine.Type);
        }

        var now = engine.Now;
        var updated = machine with
        {
            Definition = request.Definition ?? machine.Definition,
            RoleArn = request.RoleArn ?? machine.RoleArn,
            LoggingConfiguration = StateMachineSettings.Store(request.LoggingConfiguration) ?? machine.LoggingConfiguration,
            TracingConfiguration = StateMachineSettings.Store(request.TracingConfiguration) ?? machine.TracingConfiguration,
            UpdateDate = now,
        };

        // An update that changes nothing keeps the revision, so publishing after it returns the same version (as AWS).
        if (!SameSettings(machine, updated))
        {
            updated = updated with { RevisionId = Guid.NewGuid().ToString("D") };
        }

        await machines.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        string? versionArn = null;
        if (request.Publish == true)
        {
            var version = await machines.PublishVersionAsync(updated.StateMachineArn, request.VersionDescription, now, cancellationToken)
                .ConfigureAwait(false);
            versionArn = version.StateMachineVersionArn;
        }

        return new UpdateStateMachineResponse(now, updated.RevisionId, versionArn);
    }

    private static async Task<EmptyResponse> DeleteAsync(ApiContext context, DeleteStateMachineRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.StateMachine(request.StateMachineArn, "stateMachineArn");

        // Deleting a state machine that does not exist succeeds: AWS's delete is idempotent.
        await context.Engine.Store.StateMachines.DeleteAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
        await context.Engine.Store.Tags.RemoveAllAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
        return new EmptyResponse();
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

    private static async Task<DescribeStateMachineForExecutionResponse> DescribeForExecutionAsync(ApiContext context,
        DescribeStateMachineForExecutionRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Execution(request.ExecutionArn, "executionArn");
        bool withDefinition = IncludedData.WithDefinition(request.IncludedData);
        var store = context.Engine.Store;
        var execution = await store.Executions.GetAsync(arn.Arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.Execution, arn.Arn);
        if (execution.MapRunArn is not null)
        {
            return await DescribeForMapRunChildAsync(context, execution, withDefinition, cancellationToken).ConfigureAwait(false);
        }

        var machine = await store.StateMachines.GetAsync(execution.StateMachineArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.StateMachine, execution.StateMachineArn);

        // An execution started through a version or alias runs the version's definition; otherwise the machine's.
        var version = execution.StateMachineVersionArn is { } versionArn
            ? await store.StateMachines.GetVersionAsync(versionArn, cancellationToken).ConfigureAwait(false)
            : null;
        return new DescribeStateMachineForExecutionResponse
        {
            StateMachineArn = machine.StateMachineArn,
            Name = machine.Name,
            Definition = withDefinition ? version?.Definition ?? machine.Definition : null,
            RoleArn = version?.RoleArn ?? machine.RoleArn,
            UpdateDate = version?.CreationDate ?? machine.UpdateDate ?? machine.CreationDate,
            LoggingConfiguration = StateMachineSettings.LoggingOf(machine.LoggingConfiguration),
            TracingConfiguration = StateMachineSettings.TracingOf(machine.TracingConfiguration),
            RevisionId = version?.RevisionId ?? machine.RevisionId,
        };
    }

    /// <summary>
    /// A Map Run's child runs the Map's ItemProcessor under the labelled state machine
    /// <c>…:stateMachine:&lt;machine&gt;/&lt;label&gt;</c>; the rest (role, logging, tracing) is its parent machine's.
    /// AWS adds the <c>mapRunArn</c> and <c>label</c> (DescribeStateMachineForExecution API reference).
    /// </summary>
    private static async Task<DescribeStateMachineForExecutionResponse> DescribeForMapRunChildAsync(ApiContext context, ExecutionRecord execution,
        bool withDefinition, CancellationToken cancellationToken)
    {
        string labelled = execution.StateMachineArn;
        int slash = labelled.LastIndexOf('/');
        string parentArn = labelled[..slash];
        int qualifier = parentArn.IndexOf(':', parentArn.IndexOf(":stateMachine:", StringComparison.Ordinal) + 14);
        if (qualifier >= 0)
        {
            parentArn = parentArn[..qualifier];
        }

        var machine = await context.Engine.Store.StateMachines.GetAsync(parentArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.StateMachine, parentArn);
        string? definition = withDefinition
            ? await context.Engine.GetMapRunChildDefinitionAsync(execution.ExecutionArn, cancellationToken).ConfigureAwait(false)
            : null;
        return new DescribeStateMachineForExecutionResponse
        {
            StateMachineArn = labelled,
            Name = machine.Name,
            Definition = definition,
            RoleArn = machine.RoleArn,
            UpdateDate = machine.UpdateDate ?? machine.CreationDate,
            LoggingConfiguration = StateMachineSettings.LoggingOf(machine.LoggingConfiguration),
            TracingConfiguration = StateMachineSettings.TracingOf(machine.TracingConfiguration),
            MapRunArn = execution.MapRunArn,
            Label = labelled[(slash + 1)..],
        };
    }

    private static bool SameSettings(StateMachineRecord a, StateMachineRecord b) =>
        string.Equals(a.Definition, b.Definition, StringComparison.Ordinal)
        && string.Equals(a.RoleArn, b.RoleArn, StringComparison.Ordinal)
        && string.Equals(a.Type, b.Type, StringComparison.Ordinal)
        && string.Equals(a.LoggingConfiguration, b.LoggingConfiguration, StringComparison.Ordinal)
        && string.Equals(a.TracingConfiguration, b.TracingConfiguration, StringComparison.Ordinal);
}
