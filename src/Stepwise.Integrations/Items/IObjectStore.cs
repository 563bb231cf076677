using Stepwise.Integrations.Aws;

namespace Stepwise.Integrations.Items;

/// <summary>
/// Where ItemReader objects come from and ResultWriter files go: the configured S3 endpoint, or the operator's local
/// root where bucket <c>b</c> key <c>k</c> is the file <c>&lt;root&gt;/b/k</c>.
/// </summary>
internal interface IObjectStore
{
    /// <summary>Opens the object (the given version, else the latest) for streaming.</summary>
    /// <exception cref="AwsServiceException">The object, version or bucket does not exist (S3's <c>NoSuchKey</c>, <c>NoSuchVersion</c>, <c>NoSuchBucket</c>).</exception>
    Task<Stream> OpenReadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken);

    /// <summary>One page of the objects under <paramref name="prefix"/>, in key order.</summary>
    Task<S3ObjectPage> ListAsync(string bucket, string? prefix, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="body"/> as the object, replacing any.</summary>
    Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken);
}
