namespace Stepwise.Integrations.Aws;

/// <summary>An endpoint's answer: status, body text, and the headers the integrations read.</summary>
internal sealed record AwsHttpResponse(int StatusCode, string Body, string? RequestId, string? FunctionError, string? ErrorType, string? QueryError)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
