namespace Stepwise.Integrations;

/// <summary>
/// A Lambda function error, recorded as AWS records one: error = <see cref="ErrorType"/>, cause =
/// <c>{"errorMessage":...,"errorType":...,"requestId":...,"stackTrace":[]}</c>.
/// </summary>
public sealed class LambdaFunctionException(string errorType, string errorMessage) : Exception(errorMessage)
{
    /// <summary>The error type (a Python exception class name, for example), which becomes the ASL error name.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>The error message.</summary>
    public string ErrorMessage { get; } = errorMessage;
}
