using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Stepwise.Storage;
using Stepwise.Storage.Paging;

namespace Stepwise.Api.Protocol;

/// <summary>
/// The one place exceptions become AWS error responses. Actions throw <see cref="ApiException"/> with AWS's name and
/// message; the storage exceptions every action can meet are translated here by resource kind.
/// </summary>
internal static class ApiErrors
{
    private const string TypePrefix = "com.amazonaws.states#";

    /// <summary>The error response for <paramref name="exception"/>; false for a cancelled request (nobody to answer).</summary>
    public static bool TryTranslate(Exception exception, [NotNullWhen(true)] out ApiException? error)
    {
        if (exception is OperationCanceledException)
        {
            error = null;
            return false;
        }

        error = exception switch
        {
            ApiException api => api,
            ResourceNotFoundException missing => new ApiException(DoesNotExistType(missing.ResourceKind), DoesNotExistMessage(missing)),
            ResourceAlreadyExistsException taken => new ApiException(AlreadyExistsType(taken.ResourceKind), AlreadyExistsMessage(taken)),
            // AWS does not echo the token: "Invalid Token: 'Invalid token'" whatever was sent (recorded).
            InvalidPageTokenException => new ApiException("InvalidToken", "Invalid Token: 'Invalid token'"),
            _ => new ApiException(ApiErrorTypes.InternalFailure, $"{exception.GetType().Name}: {exception.Message}", 500),
        };
        return true;
    }

    public static byte[] Body(ApiException error)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", TypePrefix + error.ErrorType);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string DoesNotExistType(string kind) => kind switch
    {
        ResourceKinds.StateMachine => "StateMachineDoesNotExist",
        ResourceKinds.Execution => "ExecutionDoesNotExist",
        ResourceKinds.Activity => "ActivityDoesNotExist",
        ResourceKinds.StateMachineVersion => "StateMachineDoesNotExist",
        _ => "ResourceNotFound",
    };

    private static string DoesNotExistMessage(ResourceNotFoundException missing) => missing.ResourceKind switch
    {
        ResourceKinds.StateMachine => $"State Machine Does Not Exist: '{missing.Arn}'",
        ResourceKinds.Execution => $"Execution Does Not Exist: '{missing.Arn}'",
        ResourceKinds.Activity => $"Activity Does Not Exist: '{missing.Arn}'",
        ResourceKinds.StateMachineVersion => $"State Machine Does Not Exist: '{missing.Arn}'",
        // AWS's text for a missing alias (recorded for UpdateStateMachineAlias).
        ResourceKinds.StateMachineAlias => "Request references a resource that does not exist.",
        _ => $"Resource not found: '{missing.Arn}'",
    };

    private static string AlreadyExistsType(string kind) => kind switch
    {
        ResourceKinds.StateMachine => "StateMachineAlreadyExists",
        ResourceKinds.Execution => "ExecutionAlreadyExists",
        ResourceKinds.Activity => "ActivityAlreadyExists",
        _ => "ConflictException",
    };

    private static string AlreadyExistsMessage(ResourceAlreadyExistsException taken) => taken.ResourceKind switch
    {
        ResourceKinds.StateMachine => $"State Machine Already Exists: '{taken.Arn}'",
        ResourceKinds.Execution => $"Execution Already Exists: '{taken.Arn}'",
        _ => $"Resource already exists: '{taken.Arn}'",
    };
}
