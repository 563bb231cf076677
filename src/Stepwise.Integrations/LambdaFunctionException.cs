namespace Stepwise.Integrations;

/// <summary>
/// A Lambda function error, recorded as AWS records one: error = <see cref="ErrorType"/>, cause =
/// <c>{"errorMessage":...,"errorType":...,"requestId":...,"stackTrace":[...]}</c>.
/// </summary>
public sealed class LambdaFunctionException : Exception
{
    /// <summary>A function error with an empty stack trace.</summary>
    public LambdaFunctionException(string errorType, string errorMessage)
        : this(errorType, errorMessage, [])
    {
    }

    /// <summary>A function error with the stack trace lines the runtime reported (Python's, for instance).</summary>
    public LambdaFunctionException(string errorType, string errorMessage, IReadOnlyList<string> stackTrace)
        : base(errorMessage)
    {
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        FunctionStackTrace = stackTrace;
    }

    /// <summary>The error type (a Python exception class name, for example), which becomes the ASL error name.</summary>
    public string ErrorType { get; }

    /// <summary>The error message.</summary>
    public string ErrorMessage { get; }

    /// <summary>The function's stack trace lines, recorded in the cause's <c>stackTrace</c>.</summary>
    public IReadOnlyList<string> FunctionStackTrace { get; }
}
