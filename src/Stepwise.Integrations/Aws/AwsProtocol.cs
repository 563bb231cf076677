namespace Stepwise.Integrations.Aws;

/// <summary>How a service takes requests: AWS JSON 1.0/1.1 (<c>X-Amz-Target</c>) or the query protocol (form body, XML answer).</summary>
internal enum AwsProtocol
{
    Json,
    Query,
}
