namespace Stepwise.Integrations.Aws;

/// <summary>
/// A service's error answer: <see cref="Code"/> as its protocol names it (<c>ResourceNotFoundException</c>, <c>NotFound</c>),
/// <see cref="CauseCode"/> as the Java SDK v1 reports it in causes (SQS's query-compatible <c>AWS.SimpleQueueService.NonExistentQueue</c>).
/// </summary>
internal sealed class AwsServiceException(int statusCode, string code, string causeCode, string message, string? requestId)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public string CauseCode { get; } = causeCode;

    public string? RequestId { get; } = requestId;
}
