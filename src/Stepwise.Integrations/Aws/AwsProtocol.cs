namespace Stepwise.Integrations.Aws;

/// <summary>
/// How a service takes requests: AWS JSON 1.0/1.1 (<c>X-Amz-Target</c>), the query protocol (form body, XML answer), or
/// REST-JSON posted to <c>/v1/&lt;action in lower case&gt;</c> (AWS Batch; its actions are all spelled so).
/// </summary>
internal enum AwsProtocol
{
    Json,
    Query,
    RestJson,
}
