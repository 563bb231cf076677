namespace Stepwise.Integrations;

/// <summary>
/// A Lambda function error, recorded as AWS records one: error = <see cref="ErrorType"/>, cause =
/// <c>{"errorMessage":...,"errorType":...,"requestId":...,"stackTrace":[]}</c>.
/// </summary>
public sealed class LambdaFunctionException(string errorType, string errorMessage, IReadOnlyList<string>? stackTrace = null) : Exception(errorMessage)
{
    /// <summary>The error type (a Python exception class name, for example), which becomes the ASL error name.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>The error message.</summary>
    public string ErrorMessage { get; } = errorMessage;

    /// <summary>The function's own stack trace lines, as its runtime reports them in the error's <c>stackTrace</c>.</summary>
    public IReadOnlyList<string> FunctionStackTrace { get; } = stackTrace ?? [];
}
