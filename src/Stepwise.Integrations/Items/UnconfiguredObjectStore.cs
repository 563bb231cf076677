using Stepwise.Integrations.Aws;

namespace Stepwise.Integrations.Items;

/// <summary>Stands in when the operator configured neither an S3 endpoint nor a local root: every call says what to set.</summary>
internal sealed class UnconfiguredObjectStore : IObjectStore
{
    public const string Message = "No S3 endpoint or local root is configured: set \"s3\": {\"endpoint\": …} or \"s3\": {\"localRoot\": …} in stepwise.json, "
        + "or STEPWISE_S3_ENDPOINT or STEPWISE_S3_LOCAL_ROOT.";

    public Task<Stream> OpenReadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken) => throw new IOException(Message);

    public Task<S3ObjectPage> ListAsync(string bucket, string? prefix, string? continuationToken, CancellationToken cancellationToken) =>
        throw new IOException(Message);

    public Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken) =>
        throw new IOException(Message);
}
