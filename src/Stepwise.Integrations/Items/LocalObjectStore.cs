using System.Globalization;
using Stepwise.Integrations.Aws;

namespace Stepwise.Integrations.Items;

/// <summary>
/// Objects as files under the operator's local root: bucket <c>b</c> key <c>k</c> is <c>&lt;root&gt;/b/k</c>, so a
/// definition written for S3 runs unchanged against local files. Every path is confined: a key that resolves outside
/// its bucket's directory, or a bucket outside the root (<c>..</c>, an absolute path) is refused, never followed. Missing files answer as S3 does
/// (<c>NoSuchBucket</c>, <c>NoSuchKey</c>). A file has one version, <c>null</c>, as an object in an unversioned bucket.
/// </summary>
internal sealed class LocalObjectStore : IObjectStore
{
    private const int PageSize = 1000;
    private readonly string _root;

    public LocalObjectStore(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
    }

    public Task<Stream> OpenReadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        string path = Resolve(bucket, key);
        // A file has one version, which S3 calls "null" (the only version of an object in an unversioned bucket).
        if (versionId is not null && versionId != "null")
        {
            throw new AwsServiceException(404, "NoSuchVersion", "NoSuchVersion", "The specified version does not exist.", null);
        }

        if (!File.Exists(path))
        {
            throw Directory.Exists(BucketDirectory(bucket)) ? NoSuchKey() : NoSuchBucket();
        }

        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    public Task<S3ObjectPage> ListAsync(string bucket, string? prefix, string? continuationToken, CancellationToken cancellationToken)
    {
        string directory = BucketDirectory(bucket);
        if (!Directory.Exists(directory))
        {
            throw NoSuchBucket();
        }

        // S3 lists keys in UTF-8 binary order; ordinal order of the UTF-16 keys matches it outside surrogate pairs.
        var keys = new List<string>();
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            string key = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            if ((prefix is null || key.StartsWith(prefix, StringComparison.Ordinal))
                && (continuationToken is null || string.CompareOrdinal(key, continuationToken) > 0))
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        int count = Math.Min(keys.Count, PageSize);
        var objects = new List<S3ObjectSummary>(count);
        for (int i = 0; i < count; i++)
        {
            var info = new FileInfo(Path.Combine(directory, keys[i]));
            objects.Add(new S3ObjectSummary(keys[i], ETag(info), info.LastWriteTimeUtc, info.Length, "STANDARD"));
        }

        return Task.FromResult(new S3ObjectPage(objects, keys.Count > PageSize ? keys[PageSize - 1] : null));
    }

    public async Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken)
    {
        string directory = BucketDirectory(bucket);
        if (!Directory.Exists(directory))
        {
            throw NoSuchBucket();
        }

        string path = Resolve(bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await file.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private string BucketDirectory(string bucket)
    {
        if (bucket.Length == 0 || bucket.Contains('/', StringComparison.Ordinal) || bucket.Contains('\\', StringComparison.Ordinal) || bucket is "." or "..")
        {
            throw new AwsServiceException(400, "InvalidBucketName", "InvalidBucketName", "The specified bucket is not valid.", null);
        }

        return Confine(Path.Combine(_root, bucket), _root, bucket);
    }

    private string Resolve(string bucket, string key)
    {
        if (key.Length == 0)
        {
            throw NoSuchKey();
        }

        string directory = BucketDirectory(bucket);
        return Confine(Path.Combine(directory, key), directory + Path.DirectorySeparatorChar, key);
    }

    /// <summary>The full path, which must lie under <paramref name="within"/> (a key never leaves its bucket, a bucket never the root).</summary>
    private static string Confine(string path, string within, string name)
    {
        string full = Path.GetFullPath(path);
        return full.StartsWith(within, StringComparison.Ordinal)
            ? full
            : throw new AwsServiceException(403, "AccessDenied", "AccessDenied", $"'{name}' resolves outside its place in the local root.", null);
    }

    /// <summary>
    /// A quoted ETag that changes when the file does (its length and write time), so listing never reads file contents;
    /// unlike S3's it is not the content's MD5.
    /// </summary>
    private static string ETag(FileInfo file) =>
        "\"" + file.Length.ToString("x", CultureInfo.InvariantCulture) + "-" + file.LastWriteTimeUtc.Ticks.ToString("x", CultureInfo.InvariantCulture) + "\"";

    private static AwsServiceException NoSuchKey() =>
        new(404, "NoSuchKey", "NoSuchKey", "The specified key does not exist.", null);

    private static AwsServiceException NoSuchBucket() =>
        new(404, "NoSuchBucket", "NoSuchBucket", "The specified bucket does not exist", null);
}
