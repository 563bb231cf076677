using System.Globalization;
using System.Xml;

namespace Stepwise.Integrations.Aws;

/// <summary>One page of a ListObjectsV2 answer; <see cref="NextContinuationToken"/> is null on the last page.</summary>
internal sealed record S3ObjectPage(IReadOnlyList<S3ObjectSummary> Objects, string? NextContinuationToken)
{
    /// <summary>Reads <c>ListBucketResult</c> XML: its <c>Contents</c> and <c>NextContinuationToken</c>.</summary>
    public static async Task<S3ObjectPage> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var objects = new List<S3ObjectSummary>();
        string? next = null;
        using var reader = XmlReader.Create(body, new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
            {
                continue;
            }

            if (reader.LocalName == "NextContinuationToken")
            {
                next = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
            }
            else if (reader.LocalName == "Contents")
            {
                objects.Add(await ReadContentsAsync(reader).ConfigureAwait(false));
            }
        }

        return new S3ObjectPage(objects, string.IsNullOrEmpty(next) ? null : next);
    }

    private static async Task<S3ObjectSummary> ReadContentsAsync(XmlReader reader)
    {
        string key = string.Empty;
        string etag = string.Empty;
        string storageClass = "STANDARD";
        long size = 0;
        var lastModified = DateTimeOffset.UnixEpoch;
        int depth = reader.Depth;
        await reader.ReadAsync().ConfigureAwait(false);
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            switch (reader.LocalName)
            {
                case "Key":
                    key = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    break;
                case "ETag":
                    etag = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    break;
                case "StorageClass":
                    storageClass = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    break;
                case "Size":
                    size = long.Parse(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
                    break;
                case "LastModified":
                    lastModified = DateTimeOffset.Parse(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal);
                    break;
                default:
                    await reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        return new S3ObjectSummary(key, etag, lastModified, size, storageClass);
    }
}
