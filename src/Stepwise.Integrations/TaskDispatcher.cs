using Stepwise.Integrations.Lambda;
using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>
/// The one seam between Task states and what serves them. Resolution order: the mock configuration's response for
/// the selected test case and state, then a handler registered for the exact resource ARN, then (for Lambda
/// resources) a handler registered for the function name. Handler exceptions become ASL errors here, once.
/// </summary>
public sealed class TaskDispatcher
{
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";

    private readonly Dictionary<string, TaskHandler> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskHandler> _lambdas = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Creates a dispatcher that consults <paramref name="mocks"/> first, when given.</summary>
    public TaskDispatcher(MockConfiguration? mocks = null) => Mocks = mocks;

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
    /// function ARNs and for <c>arn:aws:states:::lambda:invoke</c>.
    /// </summary>
    public void RegisterLambda(string functionName, TaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            _lambdas[LambdaFunctionName.Normalize(functionName)] = handler;
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
            return await RunAsync(handler, new TaskRequest(resource, invocation.Parameters, invocation.TaskToken, invocation.Context), lambdaStyle: null, invocation, cancellationToken).ConfigureAwait(false);
        }

        bool isInvoke = resource.StartsWith(LambdaInvoke, StringComparison.Ordinal);
        bool isFunctionArn = resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Contains(":lambda:", StringComparison.Ordinal)
            && resource.Contains(":function:", StringComparison.Ordinal);
        if (isInvoke || isFunctionArn)
        {
            return await InvokeLambdaAsync(invocation, isInvoke, cancellationToken).ConfigureAwait(false);
        }

        return TaskOutcome.Failure("States.TaskFailed", $"No handler is registered for the resource '{resource}'.");
    }

    private async ValueTask<TaskOutcome> InvokeLambdaAsync(TaskInvocation invocation, bool isInvoke, CancellationToken cancellationToken)
    {
        string functionName;
        JsonValue payload;
        bool tailLog = false;
        if (isInvoke)
        {
            if (invocation.Parameters is not JsonObject parameters || !parameters.TryGetValue("FunctionName", out var nameValue) || nameValue is not JsonString name)
            {
                return TaskOutcome.Failure("States.Runtime", "The lambda:invoke Parameters need a FunctionName string.");
            }

            functionName = LambdaFunctionName.Normalize(name.Value);
            // No payload (or a null one) reaches the function as an empty event.
            payload = parameters.TryGetValue("Payload", out var p) && !p.IsNull ? p : JsonObject.Empty;
            tailLog = parameters.TryGetValue("LogType", out var logType) && logType is JsonString { Value: "Tail" };
            // A string Payload is sent as the request body itself: the function receives the JSON it spells.
            if (payload is JsonString text && JsonValue.TryParse(text.Value, out var parsed, out _))
            {
                payload = parsed;
            }
        }
        else
        {
            functionName = LambdaFunctionName.Normalize(invocation.Resource);
            payload = invocation.Parameters;
        }

        TaskHandler? handler;
        lock (_lock)
        {
            _lambdas.TryGetValue(functionName, out handler);
        }

        if (handler is null)
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException",
                LambdaResponses.NotFoundCause(functionName, invocation.Region, invocation.AccountId, invocation.RequestId));
        }

        var request = new TaskRequest(invocation.Resource, payload, invocation.TaskToken, invocation.Context);
        var outcome = await RunAsync(handler, request, lambdaStyle: !isInvoke, invocation, cancellationToken).ConfigureAwait(false);
        return isInvoke && !outcome.IsFailure
            ? TaskOutcome.Success(LambdaResponses.InvokeResponse(outcome.Output!, invocation.RequestId, invocation.Now, tailLog))
            : outcome;
    }

    /// <summary>Runs a handler and converts its exceptions to ASL errors (lambdaStyle: null = not a Lambda; true = bare ARN).</summary>
    private static async ValueTask<TaskOutcome> RunAsync(TaskHandler handler, TaskRequest request, bool? lambdaStyle, TaskInvocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            var output = await handler(request, cancellationToken).ConfigureAwait(false);
            return TaskOutcome.Success(output ?? JsonValue.Null);
        }
        catch (TaskFailedException e)
        {
            return TaskOutcome.Failure(e.Error, e.Cause);
        }
        catch (LambdaFunctionException e)
        {
            return TaskOutcome.Failure(e.ErrorType, LambdaResponses.ErrorCause(e.ErrorType, e.ErrorMessage, e.FunctionStackTrace, invocation.RequestId, lambdaStyle ?? false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A handler's unexpected exception is the task's failure, not the host's.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return lambdaStyle is bool python
                ? TaskOutcome.Failure(e.GetType().Name, LambdaResponses.ErrorCause(e.GetType().Name, e.Message, [], invocation.RequestId, python))
                : TaskOutcome.Failure(e.GetType().Name, e.Message);
        }
    }
}
