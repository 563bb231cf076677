using Stepwise.Integrations.Aws;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.Integrations.Http;
using Stepwise.Integrations.Lambda;
using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>
/// The one seam between Task states and what serves them. Resolution order: the mock configuration's response for
/// the selected test case and state, then a handler registered for the exact resource ARN, then (for Lambda
/// resources) a handler registered for the function name, a function the configuration serves by command or
/// endpoint, and the configured Lambda endpoint; for AWS service integrations, the configured service endpoint; for
/// <c>http:invoke</c>, the HTTP Task with the configured allow-list.
/// Handler and backend exceptions become ASL errors here, once.
/// </summary>
public sealed class TaskDispatcher
{
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";

    private readonly Dictionary<string, TaskHandler> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LambdaBackend> _lambdas = new(StringComparer.Ordinal);
    private readonly LambdaBackend? _lambdaEndpoint;
    private readonly ServiceIntegrations? _services;
    private readonly HttpTask? _http;
    private readonly Lock _lock = new();

    /// <summary>The route of the resource asked last (see <see cref="Route"/>).</summary>
    private ResourceRoute? _lastRoute;

    /// <summary>
    /// Creates a dispatcher that consults <paramref name="mocks"/> first, when given, and serves what
    /// <paramref name="integrations"/> configures (Lambda commands and endpoints); <paramref name="time"/> dates signed requests.
    /// </summary>
    public TaskDispatcher(MockConfiguration? mocks = null, IntegrationsConfiguration? integrations = null, TimeProvider? time = null)
    {
        Mocks = mocks;
        if (integrations is null)
        {
            return;
        }

        time ??= TimeProvider.System;
        var client = new AwsHttpClient(SharedHttp.Client, integrations.Credentials, integrations.Region, time);
        foreach (var (name, function) in integrations.Functions)
        {
            _lambdas[LambdaFunctionName.Normalize(name)] = function.Endpoint is { } endpoint
                ? new EndpointLambdaBackend(client, endpoint)
                : new CommandLambdaBackend(function);
        }

        if (integrations.LambdaEndpoint is { } lambdaEndpoint)
        {
            _lambdaEndpoint = new EndpointLambdaBackend(client, lambdaEndpoint);
        }

        _services = new ServiceIntegrations(integrations, new AwsServiceClient(client), time);
        _http = new HttpTask(integrations, SharedHttp.Client);
    }

    /// <summary>The mock configuration consulted before any handler.</summary>
    public MockConfiguration? Mocks { get; }

    /// <summary>Serves the exact resource ARN <paramref name="resourceArn"/> with <paramref name="handler"/>.</summary>
    public void RegisterTask(string resourceArn, TaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceArn);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            _tasks[resourceArn] = handler;
        }
    }

    /// <summary>
    /// Serves the Lambda function <paramref name="functionName"/> (a name or ARN; qualifiers are ignored) for bare
    /// function ARNs and for <c>arn:aws:states:::lambda:invoke</c>, in place of any configured backend.
    /// </summary>
    public void RegisterLambda(string functionName, TaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            _lambdas[LambdaFunctionName.Normalize(functionName)] = new InProcessLambdaBackend(handler);
        }
    }

    /// <summary>
    /// Whether <see cref="InvokeAsync"/> would run <paramref name="invocation"/> with a handler registered in this process
    /// (<see cref="RegisterTask"/>, or <see cref="RegisterLambda"/> for a Lambda resource) rather than a mock, a local
    /// command or a call over the network: such a call leaves nothing outside the process to wait for.
    /// </summary>
    public bool IsServedInProcess(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (Mocks is not null && invocation.MockTestCase is not null)
        {
            return false;
        }

        string resource = invocation.Resource;
        var route = Route(resource);
        string? functionName = null;
        if (route.IsLambda)
        {
            functionName = !route.IsInvoke ? route.FunctionName
                : invocation.Parameters is JsonObject parameters && parameters["FunctionName"] is JsonString name ? name.Value : null;
        }

        lock (_lock)
        {
            // Looked up by span, as FindLambda does: asked once per task, this copies no name.
            return _tasks.ContainsKey(resource)
                || (functionName is not null && _lambdas.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(LambdaFunctionName.Name(functionName), out var backend)
                    && backend is InProcessLambdaBackend);
        }
    }

    /// <summary>Runs one task. Never throws for task failures: they come back as a failed <see cref="TaskOutcome"/>.</summary>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (Mocks is not null && invocation.MockTestCase is not null
            && Mocks.TryGetResponse(invocation.StateMachineName, invocation.MockTestCase, invocation.StateName, invocation.MockAttempt, out var mocked))
        {
            // A mocked response is the task's result as written, whatever the integration (Step Functions Local).
            return mocked.IsThrow ? TaskOutcome.Failure(mocked.Error!, mocked.Cause) : TaskOutcome.Success(mocked.Return ?? JsonValue.Null);
        }

        string resource = invocation.Resource;
        TaskHandler? handler;
        lock (_lock)
        {
            _tasks.TryGetValue(resource, out handler);
        }

        if (handler is not null)
        {
            try
            {
                var output = await handler(new TaskRequest(resource, invocation.Parameters, invocation.TaskToken, invocation.Context), cancellationToken).ConfigureAwait(false);
                return TaskOutcome.Success(output ?? JsonValue.Null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Failure(e, lambdaStyle: null, invocation.RequestId);
            }
        }

        var route = Route(resource);
        if (route.IsLambda)
        {
            return await InvokeLambdaAsync(invocation, route, cancellationToken).ConfigureAwait(false);
        }

        if (_http is not null && resource == HttpTask.Resource)
        {
            return await _http.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        if (_services is not null && await _services.TryInvokeAsync(invocation, cancellationToken).ConfigureAwait(false) is { } serviceOutcome)
        {
            return serviceOutcome;
        }

        return TaskOutcome.Failure("States.TaskFailed", $"No handler is registered for the resource '{resource}'.");
    }

    /// <summary>
    /// What <paramref name="resource"/> names, worked out once for the resource asked last: the tasks of a definition ask
    /// for the same few resources over and over (twice per call: <see cref="IsServedInProcess"/>, then <see cref="InvokeAsync"/>),
    /// and scanning the ARN cost more than the rest of routing a call. A route depends on the text alone, so two threads
    /// replacing each other's at worst work one out again.
    /// </summary>
    private ResourceRoute Route(string resource)
    {
        var route = _lastRoute;
        if (route is null || !string.Equals(route.Resource, resource, StringComparison.Ordinal))
        {
            route = ResourceRoute.Of(resource);
            _lastRoute = route;
        }

        return route;
    }

    private async ValueTask<TaskOutcome> InvokeLambdaAsync(TaskInvocation invocation, ResourceRoute route, CancellationToken cancellationToken)
    {
        bool isInvoke = route.IsInvoke;
        string functionName;
        string? qualifier;
        JsonValue payload;
        bool tailLog = false;
        string invocationType = "RequestResponse";
        if (isInvoke)
        {
            if (invocation.Parameters is not JsonObject parameters || !parameters.TryGetValue("FunctionName", out var nameValue) || nameValue is not JsonString name)
            {
                return TaskOutcome.Failure("States.Runtime", "The lambda:invoke Parameters need a FunctionName string.");
            }

            functionName = name.Value;
            qualifier = parameters["Qualifier"] is JsonString q ? q.Value : LambdaFunctionName.Qualifier(name.Value);
            // No payload (or a null one) reaches the function as an empty event.
            payload = parameters.TryGetValue("Payload", out var p) && !p.IsNull ? p : JsonObject.Empty;
            tailLog = parameters.TryGetValue("LogType", out var logType) && logType is JsonString { Value: "Tail" };
            if (parameters["InvocationType"] is JsonString type)
            {
                invocationType = type.Value;
            }

            // A string Payload is sent as the request body itself: the function receives the JSON it spells.
            if (payload is JsonString text && JsonValue.TryParse(text.Value, out var parsed, out _))
            {
                payload = parsed;
            }
        }
        else
        {
            functionName = route.FunctionName!;
            qualifier = route.Qualifier;
            payload = invocation.Parameters;
        }

        var backend = FindLambda(ref functionName) ?? _lambdaEndpoint;
        if (backend is null)
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException",
                LambdaResponses.NotFoundCause(functionName, invocation.Region, invocation.AccountId, invocation.RequestId));
        }

        var request = new TaskRequest(invocation.Resource, payload, invocation.TaskToken, invocation.Context);
        JsonValue output;
        try
        {
            output = await backend.InvokeAsync(new LambdaInvocation(functionName, qualifier, payload, invocationType, request, invocation.Region, invocation.RequestId),
                cancellationToken).ConfigureAwait(false) ?? JsonValue.Null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failure(e, lambdaStyle: !isInvoke, invocation.RequestId);
        }

        if (!isInvoke)
        {
            return TaskOutcome.Success(output);
        }

        int statusCode = invocationType switch
        {
            "Event" => 202,
            "DryRun" => 204,
            _ => 200,
        };
        var response = LambdaResponses.InvokeResponse(output, invocation.RequestId, invocation.Now, tailLog, statusCode);
        // lambda:invoke.waitForTaskToken: the function got the token; the task waits for SendTaskSuccess/Failure. An
        // in-process handler's result still completes the task, so embedding code can answer inline.
        return invocation.TaskToken is not null && backend is not InProcessLambdaBackend
            ? TaskOutcome.Submitted(response)
            : TaskOutcome.Success(response);
    }

    /// <summary>
    /// The backend serving <paramref name="functionName"/> (a name or ARN), which becomes the bare function name. A name
    /// found is the registry's own string, so a call to a registered function copies no name.
    /// </summary>
    private LambdaBackend? FindLambda(ref string functionName)
    {
        var name = LambdaFunctionName.Name(functionName);
        lock (_lock)
        {
            if (_lambdas.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out string? registered, out var backend))
            {
                functionName = registered;
                return backend;
            }
        }

        functionName = name.ToString();
        return null;
    }

    /// <summary>
    /// Whether <see cref="Resource"/> invokes a Lambda function: <c>lambda:invoke</c> (<see cref="IsInvoke"/>) or a bare
    /// function ARN, whose bare name and qualifier are <see cref="FunctionName"/> and <see cref="Qualifier"/>.
    /// </summary>
    private sealed record ResourceRoute(string Resource, bool IsLambda, bool IsInvoke, string? FunctionName, string? Qualifier)
    {
        public static ResourceRoute Of(string resource)
        {
            if (resource.StartsWith(LambdaInvoke, StringComparison.Ordinal))
            {
                return new ResourceRoute(resource, IsLambda: true, IsInvoke: true, null, null);
            }

            bool isFunction = resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Contains(":lambda:", StringComparison.Ordinal)
                && resource.Contains(":function:", StringComparison.Ordinal);
            return isFunction
                ? new ResourceRoute(resource, IsLambda: true, IsInvoke: false, LambdaFunctionName.Normalize(resource), LambdaFunctionName.Qualifier(resource))
                : new ResourceRoute(resource, IsLambda: false, IsInvoke: false, null, null);
        }
    }

    /// <summary>
    /// A handler's or backend's exception as an ASL error (lambdaStyle: null = not a Lambda; true = a bare function
    /// ARN, whose causes AWS writes Python-spaced).
    /// </summary>
    private static TaskOutcome Failure(Exception exception, bool? lambdaStyle, string requestId) => exception switch
    {
        TaskFailedException e => TaskOutcome.Failure(e.Error, e.Cause),
        LambdaFunctionException e => TaskOutcome.Failure(e.ErrorType, LambdaResponses.ErrorCause(e.ErrorType, e.ErrorMessage, e.FunctionStackTrace, requestId, lambdaStyle ?? false)),
        // A handler's unexpected exception is the task's failure, not the host's.
        _ when lambdaStyle is bool python => TaskOutcome.Failure(exception.GetType().Name, LambdaResponses.ErrorCause(exception.GetType().Name, exception.Message, [], requestId, python)),
        _ => TaskOutcome.Failure(exception.GetType().Name, exception.Message),
    };
}
