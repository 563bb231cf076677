using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;
using Stepwise.Hosting.Durable;
using Stepwise.Json;

namespace Stepwise.Api.Tasks;

/// <summary>
/// The callbacks of activity workers and <c>.waitForTaskToken</c> integrations: SendTaskSuccess, SendTaskFailure,
/// SendTaskHeartbeat. Errors as the API reference names them: <c>InvalidToken</c>, <c>TaskDoesNotExist</c>,
/// <c>TaskTimedOut</c> ("the task token has either expired or the task associated with the token has already been
/// closed"), <c>InvalidOutput</c>.
/// </summary>
internal static class TaskActions
{
    private const int MaxTokenLength = 2048;
    private const int MaxOutputLength = 262144;
    private const int MaxErrorLength = 256;
    private const int MaxCauseLength = 32768;

    public static void Register(ApiCatalog catalog)
    {
        var json = TaskJsonContext.Default;
        catalog.Add("SendTaskSuccess", json.SendTaskSuccessRequest, json.SendTaskResponse, SuccessAsync);
        catalog.Add("SendTaskFailure", json.SendTaskFailureRequest, json.SendTaskResponse, FailureAsync);
        catalog.Add("SendTaskHeartbeat", json.SendTaskHeartbeatRequest, json.SendTaskResponse, HeartbeatAsync);
    }

    private static async Task<SendTaskResponse> SuccessAsync(ApiContext context, SendTaskSuccessRequest request, CancellationToken cancellationToken)
    {
        string token = Token(request.TaskToken);
        string text = Constraints.Required(request.Output, "output");
        if (text.Length > MaxOutputLength)
        {
            throw Constraints.SensitiveViolation("output", $"Member must have length less than or equal to {MaxOutputLength}");
        }

        if (!JsonValue.TryParse(text, out var output, out var error))
        {
            throw new ApiException("InvalidOutput", $"Invalid Output: '{error}'");
        }

        return Answer(await context.Engine.SendTaskSuccessAsync(token, output, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<SendTaskResponse> FailureAsync(ApiContext context, SendTaskFailureRequest request, CancellationToken cancellationToken)
    {
        string token = Token(request.TaskToken);
        if (request.Error is { Length: > MaxErrorLength })
        {
            throw Constraints.SensitiveViolation("error", $"Member must have length less than or equal to {MaxErrorLength}");
        }

        if (request.Cause is { Length: > MaxCauseLength })
        {
            throw Constraints.SensitiveViolation("cause", $"Member must have length less than or equal to {MaxCauseLength}");
        }

        return Answer(await context.Engine.SendTaskFailureAsync(token, request.Error, request.Cause, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<SendTaskResponse> HeartbeatAsync(ApiContext context, SendTaskHeartbeatRequest request, CancellationToken cancellationToken) =>
        Answer(await context.Engine.SendTaskHeartbeatAsync(Token(request.TaskToken), cancellationToken).ConfigureAwait(false));

    private static string Token(string? taskToken)
    {
        string token = Constraints.Required(taskToken, "taskToken");
        Constraints.Length(token, "taskToken", 1, MaxTokenLength);
        return token;
    }

    private static SendTaskResponse Answer(TaskTokenAnswer answer) => answer switch
    {
        TaskTokenAnswer.Accepted => new SendTaskResponse(),
        TaskTokenAnswer.InvalidToken => throw new ApiException("InvalidToken", "Invalid Token: 'Invalid token'"),
        TaskTokenAnswer.TaskDoesNotExist => throw new ApiException("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'"),
        _ => throw new ApiException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'"),
    };
}
