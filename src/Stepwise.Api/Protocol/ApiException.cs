namespace Stepwise.Api.Protocol;

/// <summary>
/// An error the API answers with, in AWS's shape: <c>{"__type": "com.amazonaws.states#&lt;ErrorType&gt;", "message": …}</c>
/// and an HTTP status (400 for every client error Step Functions defines).
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates an error named <paramref name="errorType"/> (AWS's exception name, e.g. <c>InvalidArn</c>).</summary>
    public ApiException(string errorType, string message, int statusCode = 400)
        : base(message)
    {
        ErrorType = errorType;
        StatusCode = statusCode;
    }

    /// <summary>AWS's exception name, e.g. <c>StateMachineDoesNotExist</c>.</summary>
    public string ErrorType { get; }

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode { get; }
}
