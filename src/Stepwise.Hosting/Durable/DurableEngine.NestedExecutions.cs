using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Storage;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// Nested executions: <c>arn:aws:states:::states:startExecution</c> starts an execution of another stored state machine
/// (request-response: the StartExecution response), <c>.sync</c> and <c>.sync:2</c> wait for it to finish (its
/// DescribeExecution, Input and Output as JSON text or as JSON), <c>.waitForTaskToken</c> starts it and waits for a
/// callback with the token (which the child receives in its input).
/// </summary>
public sealed partial class DurableEngine
{
    private const string StartExecutionResource = "arn:aws:states:::states:startExecution";

    private void RegisterNestedExecutions()
    {
        _tasks.RegisterTask(StartExecutionResource, (request, cancellationToken) => StartNestedAsync(request, waitForChild: false, parsed: false, cancellationToken));
        _tasks.RegisterTask(StartExecutionResource + ".sync", (request, cancellationToken) => StartNestedAsync(request, waitForChild: true, parsed: false, cancellationToken));
        _tasks.RegisterTask(StartExecutionResource + ".sync:2", (request, cancellationToken) => StartNestedAsync(request, waitForChild: true, parsed: true, cancellationToken));
        _tasks.RegisterTask(StartExecutionResource + ".waitForTaskToken", (request, cancellationToken) => StartNestedAsync(request, waitForChild: false, parsed: false, cancellationToken));
    }

    private async ValueTask<JsonValue> StartNestedAsync(TaskRequest request, bool waitForChild, bool parsed, CancellationToken cancellationToken)
    {
        // The request id and the default name derive from the task's context (execution, state, entry time, retry),
        // so a redelivery after a crash finds the child its first delivery started instead of starting another.
        string identity = request.Context.ToJsonString();
        var random = new Random(StableHash.ToSeed(StableHash.Of(identity)));
        string requestId = RandomIds.NewUuid(random);
        if (request.Input is not JsonObject parameters || !parameters.TryGetValue("StateMachineArn", out var arnValue) || arnValue is not JsonString { Value: var stateMachineArn })
        {
            throw new TaskFailedException("StepFunctions.InvalidArnException",
                ServiceCause("Invalid Arn: 'The startExecution Parameters need a StateMachineArn string.'", "InvalidArn", requestId));
        }

        var input = ChildInput(parameters, requestId);
        string name = parameters.TryGetValue("Name", out var n) && n is JsonString { Value: var given } ? given : RandomIds.NewUuid(random);
        var child = await StartChildAsync(stateMachineArn, input, name, requestId, cancellationToken).ConfigureAwait(false);
        if (!waitForChild)
        {
            return NestedExecutionShapes.StartResponse(child, requestId, _time.GetUtcNow());
        }

        var finished = await WaitForExecutionAsync(child.ExecutionArn, cancellationToken).ConfigureAwait(false);
        var description = NestedExecutionShapes.Describe(finished, parsed);
        // AWS fails the parent's task with States.TaskFailed and the child's description as the cause (callback/test_start_execution_sync_delegate_failure).
        return string.Equals(finished.Status, ExecutionStatuses.Succeeded, StringComparison.Ordinal)
            ? description
            : throw new TaskFailedException("States.TaskFailed", description.ToJsonString());
    }

    /// <summary>The child's input: the <c>Input</c> parameter, a JSON text read as JSON, or <c>{}</c> when absent or null.</summary>
    private static JsonValue ChildInput(JsonObject parameters, string requestId)
    {
        if (!parameters.TryGetValue("Input", out var input) || input.IsNull)
        {
            return JsonObject.Empty;
        }

        if (input is JsonString text)
        {
            return JsonValue.TryParse(text.Value, out var parsed, out string? error)
                ? parsed
                : throw new TaskFailedException("StepFunctions.InvalidExecutionInputException",
                    ServiceCause($"Invalid State Machine Execution Input: '{error}'", "InvalidExecutionInput", requestId));
        }

        return input;
    }

    private async Task<ExecutionRecord> StartChildAsync(string stateMachineArn, JsonValue input, string name, string requestId, CancellationToken cancellationToken)
    {
        try
        {
            return await StartExecutionAsync(stateMachineArn, input, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceNotFoundException)
        {
            throw new TaskFailedException("StepFunctions.StateMachineDoesNotExistException",
                ServiceCause($"State Machine Does Not Exist: '{stateMachineArn}'", "StateMachineDoesNotExist", requestId));
        }
        catch (ResourceAlreadyExistsException)
        {
            // StartExecution is idempotent for the same name and input while the execution runs, and a redelivered task
            // meets the child its first delivery started.
            var existing = await _store.Executions.GetAsync(ExecutionArnFor(stateMachineArn, name), cancellationToken).ConfigureAwait(false);
            if (existing is not null && JsonValue.DeepEquals(JsonValue.Parse(existing.Input), input))
            {
                return existing;
            }

            throw new TaskFailedException("StepFunctions.ExecutionAlreadyExistsException",
                ServiceCause($"Execution Already Exists: '{ExecutionArnFor(stateMachineArn, name)}'", "ExecutionAlreadyExists", requestId));
        }
        catch (NotSupportedException e)
        {
            throw new TaskFailedException("StepFunctions.StepFunctionsException", e.Message);
        }
    }

    private string ExecutionArnFor(string stateMachineArn, string name) =>
        $"arn:aws:states:{_options.Region}:{_options.AccountId}:execution:{stateMachineArn[(stateMachineArn.LastIndexOf(':') + 1)..]}:{name}";

    /// <summary>A service error's cause as AWS's Java SDK words it (error_handling/test_start_execution_no_such_arn).</summary>
    private static string ServiceCause(string message, string errorCode, string requestId) =>
        $"{message} (Service: AWSStepFunctions; Status Code: 400; Error Code: {errorCode}; Request ID: {requestId}; Proxy: null)";
}
