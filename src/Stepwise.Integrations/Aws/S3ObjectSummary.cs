namespace Stepwise.Integrations.Aws;

/// <summary>One object of a ListObjectsV2 answer, as S3 reports it (<paramref name="ETag"/> with its quotes).</summary>
internal sealed record S3ObjectSummary(string Key, string ETag, DateTimeOffset LastModified, long Size, string StorageClass);
