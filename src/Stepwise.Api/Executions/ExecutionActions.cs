using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;
using Stepwise.Hosting;
using Stepwise.Json;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Api.Executions;

/// <summary>The execution actions: start (asynchronous and synchronous), stop, describe, list, history.</summary>
internal static class ExecutionActions
{
    private const string TypeNotSupported = "StateMachineTypeNotSupported";
    private const string TypeNotSupportedMessage = "This operation is not supported by this type of state machine";
    private const int MaxErrorLength = 256;
    private const int MaxCauseLength = 32768;
    private const int MaxTraceHeaderLength = 256;
    private const int MaxClientTokenLength = 64;
    private const string Redriven = "REDRIVEN";

    /// <summary>ListExecutions takes a state machine or a Map Run to list, never both (ListExecutions API reference).</summary>
    private const string BothListTargetsMessage = "Specify either a stateMachineArn or a mapRunArn, not both.";

    private static readonly string[] s_redriveFilters = [Redriven, "NOT_REDRIVEN"];

    private static readonly string[] s_statuses =
    [
        ExecutionStatuses.Succeeded, ExecutionStatuses.TimedOut, ExecutionStatuses.PendingRedrive, ExecutionStatuses.Aborted,
        ExecutionStatuses.Failed, ExecutionStatuses.Running,
    ];

    public static void Register(ApiCatalog catalog)
    {
        var json = ExecutionJsonContext.Default;
        catalog.Add("StartExecution", json.StartExecutionRequest, json.StartExecutionResponse, StartAsync);
        catalog.Add("StartSyncExecution", json.StartSyncExecutionRequest, json.StartSyncExecutionResponse, StartSyncAsync);
        catalog.Add("StopExecution", json.StopExecutionRequest, json.StopExecutionResponse, StopAsync);
        catalog.Add("DescribeExecution", json.DescribeExecutionRequest, json.DescribeExecutionResponse, DescribeAsync);
        catalog.Add("ListExecutions", json.ListExecutionsRequest, json.ListExecutionsResponse, ListAsync);
        catalog.Add("GetExecutionHistory", json.GetExecutionHistoryRequest, json.GetExecutionHistoryResponse, HistoryAsync);
        catalog.Add("RedriveExecution", json.RedriveExecutionRequest, json.RedriveExecutionResponse, RedriveAsync);
    }

    private static async Task<StartExecutionResponse> StartAsync(ApiContext context, StartExecutionRequest request, CancellationToken cancellationToken)
    {
        var (arn, testCase) = SplitTestCase(Constraints.Required(request.StateMachineArn, "stateMachineArn"));
        var target = Arns.StateMachine(arn, "stateMachineArn", allowQualified: true);
        var input = ValidateStart(request.Name, request.Input, request.TraceHeader);
        var engine = context.Engine;
        if (await IsExpressAsync(context, target, cancellationToken).ConfigureAwait(false))
        {
            var (expressArn, startDate) = await engine.StartExpressExecutionAsync(target.Arn, input, request.Name, testCase, cancellationToken)
                .ConfigureAwait(false);
            return new StartExecutionResponse(expressArn, startDate);
        }

        try
        {
            var record = await engine.StartExecutionAsync(target.Arn, input, request.Name, testCase, cancellationToken).ConfigureAwait(false);
            return new StartExecutionResponse(record.ExecutionArn, record.StartDate);
        }
        catch (ResourceAlreadyExistsException taken) when (taken.ResourceKind == ResourceKinds.Execution)
        {
            // StartExecution is idempotent for Standard workflows: the same name and input as a running execution
            // answers with that execution; a closed execution or a different input is ExecutionAlreadyExists.
            var existing = await engine.DescribeExecutionAsync(taken.Arn, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.Status == ExecutionStatuses.Running
                && JsonValue.DeepEquals(JsonValue.Parse(existing.Input), input))
            {
                return new StartExecutionResponse(existing.ExecutionArn, existing.StartDate);
            }

            throw;
        }
    }

    private static async Task<StartSyncExecutionResponse> StartSyncAsync(ApiContext context, StartSyncExecutionRequest request,
        CancellationToken cancellationToken)
    {
        var (arn, testCase) = SplitTestCase(Constraints.Required(request.StateMachineArn, "stateMachineArn"));
        var target = Arns.StateMachine(arn, "stateMachineArn", allowQualified: true);
        var input = ValidateStart(request.Name, request.Input, request.TraceHeader);
        bool included = IncludedData.WithDefinition(request.IncludedData);
        if (!await IsExpressAsync(context, target, cancellationToken).ConfigureAwait(false))
        {
            throw new ApiException(TypeNotSupported, TypeNotSupportedMessage);
        }

        var result = await context.Engine.StartSyncExecutionAsync(target.Arn, input, request.Name, testCase, cancellationToken).ConfigureAwait(false);
        var execution = Arns.Execution(result.ExecutionArn, "executionArn", allowExpress: true);
        long milliseconds = (long)Math.Ceiling((result.StopDate - result.StartDate).TotalMilliseconds / 100) * 100;
        return new StartSyncExecutionResponse
        {
            ExecutionArn = result.ExecutionArn,
            StateMachineArn = result.StateMachineArn,
            Name = execution.Parts[1],
            StartDate = result.StartDate,
            StopDate = result.StopDate,
            Status = result.Status.ToAwsString(),
            Error = result.Error,
            Cause = result.Cause,
            Input = included ? input.ToJsonString() : null,
            InputDetails = new DataDetails(included),
            Output = included ? result.Output?.ToJsonString() : null,
            OutputDetails = result.Output is null ? null : new DataDetails(included),
            TraceHeader = request.TraceHeader,
            BillingDetails = new BillingDetails(64, Math.Max(100, milliseconds)),
        };
    }

    private static async Task<StopExecutionResponse> StopAsync(ApiContext context, StopExecutionRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Execution(request.ExecutionArn, "executionArn");
        if (request.Error is not null)
        {
            Constraints.Length(request.Error, "error", 0, MaxErrorLength);
        }

        if (request.Cause is { Length: > MaxCauseLength })
        {
            throw Constraints.SensitiveViolation("cause", $"Member must have length less than or equal to {MaxCauseLength}");
        }

        var stopped = await context.Engine.StopExecutionAsync(arn.Arn, request.Error, request.Cause, cancellationToken).ConfigureAwait(false);
        return new StopExecutionResponse(stopped.StopDate ?? context.Engine.Now);
    }

    private static async Task<DescribeExecutionResponse> DescribeAsync(ApiContext context, DescribeExecutionRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.Execution(request.ExecutionArn, "executionArn");
        bool included = IncludedData.WithDefinition(request.IncludedData);
        var execution = await context.Engine.DescribeExecutionAsync(arn.Arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.Execution, arn.Arn);
        return new DescribeExecutionResponse
        {
            ExecutionArn = execution.ExecutionArn,
            StateMachineArn = execution.StateMachineArn,
            Name = execution.Name,
            Status = execution.Status,
            StartDate = execution.StartDate,
            StopDate = execution.StopDate,
            Input = included ? execution.Input : null,
            InputDetails = new DataDetails(included),
            Output = included ? execution.Output : null,
            OutputDetails = execution.Output is null ? null : new DataDetails(included),
            Error = execution.Error,
            Cause = execution.Cause,
            TraceHeader = execution.TraceHeader,
            StateMachineVersionArn = execution.StateMachineVersionArn,
            StateMachineAliasArn = execution.StateMachineAliasArn,
            MapRunArn = execution.MapRunArn,
            RedriveCount = execution.RedriveCount,
            RedriveDate = execution.RedriveDate,

            // Records stored before redrive existed carry no status: they read as not redrivable.
            RedriveStatus = execution.RedriveStatus ?? ExecutionRedriveStatuses.NotRedrivable,
            RedriveStatusReason = execution.RedriveStatusReason,
        };
    }

    private static async Task<ListExecutionsResponse> ListAsync(ApiContext context, ListExecutionsRequest request, CancellationToken cancellationToken)
    {
        if (request.MapRunArn is not null && request.StateMachineArn is not null)
        {
            throw new ApiException(ApiErrorTypes.Validation, BothListTargetsMessage);
        }

        StatesArn? arn = request.MapRunArn is null ? Arns.StateMachine(request.StateMachineArn, "stateMachineArn", allowQualified: true) : null;
        StatesArn? mapRun = request.MapRunArn is null ? null : Arns.MapRun(request.MapRunArn, "mapRunArn");
        if (request.StatusFilter is not null)
        {
            Constraints.OneOf(request.StatusFilter, "statusFilter", s_statuses);
        }

        bool? redriven = null;
        if (request.RedriveFilter is not null)
        {
            Constraints.OneOf(request.RedriveFilter, "redriveFilter", s_redriveFilters);
            redriven = string.Equals(request.RedriveFilter, Redriven, StringComparison.Ordinal);
        }

        var page = Paging.Request(request.MaxResults, request.NextToken);
        var store = context.Engine.Store;
        Storage.Paging.Page<ExecutionRecord> listed;
        if (mapRun is { } run)
        {
            if (await store.MapRuns.GetAsync(run.Arn, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new ResourceNotFoundException(ResourceKinds.MapRun, run.Arn);
            }

            listed = await store.Executions.ListByMapRunAsync(run.Arn, request.StatusFilter, redriven, page, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var machine = arn!.Value;
            if (await IsExpressAsync(context, machine, cancellationToken).ConfigureAwait(false))
            {
                // AWS keeps no Express executions to list (recorded).
                throw new ApiException(TypeNotSupported, TypeNotSupportedMessage);
            }

            listed = await store.Executions.ListAsync(machine.Arn, request.StatusFilter, redriven, page, cancellationToken).ConfigureAwait(false);
        }

        var items = new List<ExecutionListItem>(listed.Items.Count);
        foreach (var execution in listed.Items)
        {
            items.Add(new ExecutionListItem
            {
                ExecutionArn = execution.ExecutionArn,
                StateMachineArn = execution.StateMachineArn,
                Name = execution.Name,
                Status = execution.Status,
                StartDate = execution.StartDate,
                StopDate = execution.StopDate,
                StateMachineVersionArn = execution.StateMachineVersionArn,
                StateMachineAliasArn = execution.StateMachineAliasArn,
                MapRunArn = mapRun is null ? null : execution.MapRunArn,
                RedriveCount = execution.RedriveCount,
                RedriveDate = execution.RedriveDate,
            });
        }

        return new ListExecutionsResponse(items, listed.NextToken);
    }

    private static async Task<GetExecutionHistoryResponse> HistoryAsync(ApiContext context, GetExecutionHistoryRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.Execution(request.ExecutionArn, "executionArn");
        var page = Paging.Request(request.MaxResults, request.NextToken);
        var events = await context.Engine.GetExecutionHistoryAsync(arn.Arn, page, request.ReverseOrder ?? false,
            request.IncludeExecutionData ?? true, cancellationToken).ConfigureAwait(false);
        var items = new List<RawJson>(events.Items.Count);
        foreach (var e in events.Items)
        {
            items.Add(new RawJson(e.ToJsonString()));
        }

        return new GetExecutionHistoryResponse(items, events.NextToken);
    }

    private static async Task<RedriveExecutionResponse> RedriveAsync(ApiContext context, RedriveExecutionRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.Execution(request.ExecutionArn, "executionArn");
        if (request.ClientToken is not null)
        {
            Constraints.Length(request.ClientToken, "clientToken", 1, MaxClientTokenLength);
        }

        var redriven = await context.Engine.RedriveExecutionAsync(arn.Arn, request.ClientToken, cancellationToken).ConfigureAwait(false);
        return new RedriveExecutionResponse(redriven.RedriveDate ?? context.Engine.Now);
    }

    /// <summary>Checks the members every start shares and returns the parsed input.</summary>
    private static JsonValue ValidateStart(string? name, string? input, string? traceHeader)
    {
        if (name is not null)
        {
            ResourceNames.Validate(name);
        }

        if (traceHeader is not null)
        {
            Constraints.Length(traceHeader, "traceHeader", 0, MaxTraceHeaderLength);
        }

        return ExecutionInput.Parse(input);
    }

    /// <summary>
    /// Whether the machine, version or alias <paramref name="arn"/> names is an Express one (versions and aliases share
    /// their state machine's type); StateMachineDoesNotExist when nothing has that ARN. The engine resolves it as its
    /// starts do, from what it keeps of recent starts.
    /// </summary>
    private static async Task<bool> IsExpressAsync(ApiContext context, StatesArn arn, CancellationToken cancellationToken) =>
        string.Equals(await context.Engine.GetStateMachineTypeAsync(arn.Arn, cancellationToken).ConfigureAwait(false), StateMachineTypes.Express,
            StringComparison.Ordinal);

    /// <summary>Step Functions Local's <c>&lt;stateMachineArn&gt;#&lt;TestCase&gt;</c>: the ARN and the mock test case.</summary>
    private static (string Arn, string? TestCase) SplitTestCase(string arn)
    {
        int hash = arn.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (arn, null) : (arn[..hash], arn[(hash + 1)..]);
    }
}
