using Stepwise.Integrations.Aws;

namespace Stepwise.Integrations.Items;

/// <summary>Objects at the configured S3 endpoint.</summary>
internal sealed class S3ObjectStore(S3Client client) : IObjectStore
{
    public Task<Stream> OpenReadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken) =>
        client.GetObjectAsync(bucket, key, versionId, cancellationToken);

    public Task<S3ObjectPage> ListAsync(string bucket, string? prefix, string? continuationToken, CancellationToken cancellationToken) =>
        client.ListObjectsV2Async(bucket, prefix, continuationToken, cancellationToken);

    public Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken) =>
        client.PutObjectAsync(bucket, key, body, contentType, cancellationToken);
}
