using Stepwise.Integrations;
using Stepwise.Json;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The StartExecution call a <c>states:startExecution</c> task makes, read from its parameters: <c>StateMachineArn</c>
/// (required), <c>Input</c> (JSON, or a JSON text; absent or null is <c>{}</c>) and <c>Name</c>. The request id and the
/// default name derive from the task's context (execution, state, entry time, retry), so a redelivery after a crash
/// finds the child its first delivery started instead of starting another.
/// </summary>
internal sealed record NestedStart(string StateMachineArn, JsonValue Input, string Name, string RequestId)
{
    /// <exception cref="TaskFailedException">The parameters name no state machine, or the input is not JSON.</exception>
    public static NestedStart Read(JsonValue parameters, JsonValue context)
    {
        var random = new Random(StableHash.ToSeed(StableHash.Of(context.ToJsonString())));
        string requestId = RandomIds.NewUuid(random);
        if (parameters is not JsonObject obj || !obj.TryGetValue("StateMachineArn", out var arnValue) || arnValue is not JsonString { Value: var stateMachineArn })
        {
            throw new TaskFailedException("StepFunctions.InvalidArnException",
                ServiceCause("Invalid Arn: 'The startExecution Parameters need a StateMachineArn string.'", "InvalidArn", requestId));
        }

        var input = ChildInput(obj, requestId);
        string name = obj.TryGetValue("Name", out var n) && n is JsonString { Value: var given } ? given : RandomIds.NewUuid(random);
        return new NestedStart(stateMachineArn, input, name, requestId);
    }

    /// <summary>The call the parameters make; null when they make none (the task fails when it runs).</summary>
    public static NestedStart? TryRead(JsonValue parameters, JsonValue context)
    {
        try
        {
            return Read(parameters, context);
        }
        catch (TaskFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The ARN the child gets: <c>arn:aws:states:region:account:execution:machine:name</c>, from a state machine, version
    /// or alias ARN (<c>…:stateMachine:machine[:qualifier]</c>).
    /// </summary>
    public string ChildExecutionArn
    {
        get
        {
            string[] parts = StateMachineArn.Split(':');
            return parts.Length >= 7
                ? $"arn:aws:states:{parts[3]}:{parts[4]}:execution:{parts[6]}:{Name}"
                : $"{StateMachineArn}:execution:{Name}";
        }
    }

    /// <summary>A service error's cause as AWS's Java SDK words it (error_handling/test_start_execution_no_such_arn).</summary>
    public static string ServiceCause(string message, string errorCode, string requestId) =>
        $"{message} (Service: AWSStepFunctions; Status Code: 400; Error Code: {errorCode}; Request ID: {requestId}; Proxy: null)";

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
}
