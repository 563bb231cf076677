using System.Globalization;
using System.IO.Compression;
using System.Net.Http;
using System.Runtime.CompilerServices;
using Stepwise.Integrations.Aws;
using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>
/// Reads a distributed Map's items from S3 (or the operator's local root): a JSON array file, JSON Lines, CSV, an S3
/// inventory manifest, or the objects under a prefix (listObjectsV2). Items stream: a file is never held whole.
/// Create one with <see cref="ItemIO.CreateItemSource"/>.
/// </summary>
public sealed class ItemSource : IItemSource
{
    private readonly IObjectStore _store;

    internal ItemSource(IObjectStore store)
    {
        _store = store;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<JsonValue> ReadAsync(ItemReaderRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var options = ReaderOptions.From(request);
        var items = Items(options, ct).GetAsyncEnumerator(ct);
        await using (items.ConfigureAwait(false))
        {
            for (long count = 0; count < options.MaxItems; count++)
            {
                bool next;
                try
                {
                    next = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (Failure(e) is { } failure)
                {
                    throw failure;
                }

                if (!next)
                {
                    yield break;
                }

                yield return items.Current;
            }
        }
    }

    private IAsyncEnumerable<JsonValue> Items(ReaderOptions options, CancellationToken ct) => options.Action switch
    {
        ReaderAction.ListObjectsV2 => ListObjectsAsync(options.Bucket, options.Prefix, ct),
        _ => options.InputType switch
        {
            "MANIFEST" => ManifestAsync(options.Bucket, options.Key!, options.VersionId, ct),
            _ => FileAsync(options, ct),
        },
    };

    private async IAsyncEnumerable<JsonValue> FileAsync(ReaderOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var stream = await _store.OpenReadAsync(options.Bucket, options.Key!, options.VersionId, ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var items = options.InputType switch
            {
                "JSON" => JsonArrayItems.ReadAsync(stream, ct),
                "JSONL" => JsonLinesItems.ReadAsync(stream, ct),
                _ => CsvItems.ReadAsync(stream, options.Delimiter, options.GivenHeaders, ct),
            };
            await foreach (var item in items.ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>One item per object, shaped as AWS shapes them: <c>{"Etag","Key","LastModified","Size","StorageClass"}</c>, LastModified in epoch seconds.</summary>
    private async IAsyncEnumerable<JsonValue> ListObjectsAsync(string bucket, string? prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        do
        {
            var page = await _store.ListAsync(bucket, prefix, token, ct).ConfigureAwait(false);
            foreach (var summary in page.Objects)
            {
                yield return JsonObject.Create(
                    ("Etag", summary.ETag),
                    ("Key", summary.Key),
                    ("LastModified", summary.LastModified.ToUnixTimeSeconds()),
                    ("Size", summary.Size),
                    ("StorageClass", summary.StorageClass));
            }

            token = page.NextContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// An S3 inventory: <c>manifest.json</c> names CSV data files (gzip-compressed when their key ends in <c>.gz</c>) in
    /// its destination bucket, whose columns <c>fileSchema</c> names; each row becomes an item keyed by those names.
    /// </summary>
    private async IAsyncEnumerable<JsonValue> ManifestAsync(string bucket, string key, string? versionId, [EnumeratorCancellation] CancellationToken ct)
    {
        JsonObject manifest;
        var stream = await _store.OpenReadAsync(bucket, key, versionId, ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var text = new StreamReader(stream);
            manifest = JsonValue.TryParse(await text.ReadToEndAsync(ct).ConfigureAwait(false), out var parsed, out _) && parsed is JsonObject obj ? obj
                : throw new ItemReaderFailedException($"The manifest '{key}' is not a JSON object.");
        }

        if (manifest["fileFormat"] is JsonString format && !string.Equals(format.Value, "CSV", StringComparison.OrdinalIgnoreCase))
        {
            throw new ItemReaderFailedException($"The S3 inventory format '{format.Value}' is not supported; Stepwise reads CSV inventories.");
        }

        var schema = manifest["fileSchema"] is JsonString s ? s.Value.Split(',', StringSplitOptions.TrimEntries)
            : throw new ItemReaderFailedException($"The manifest '{key}' has no fileSchema.");
        var files = manifest["files"] as JsonArray ?? throw new ItemReaderFailedException($"The manifest '{key}' has no files.");
        string dataBucket = manifest["destinationBucket"] is JsonString destination ? destination.Value[(destination.Value.LastIndexOf(':') + 1)..] : bucket;
        for (int i = 0; i < files.Count; i++)
        {
            string dataKey = (files[i] as JsonObject)?["key"] is JsonString k ? k.Value
                : throw new ItemReaderFailedException($"The manifest '{key}' lists a file without a key.");
            var data = await _store.OpenReadAsync(dataBucket, dataKey, null, ct).ConfigureAwait(false);
            await using (data.ConfigureAwait(false))
            {
                Stream rows = dataKey.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(data, CompressionMode.Decompress, leaveOpen: true) : data;
                await using (rows.ConfigureAwait(false))
                {
                    await foreach (var item in CsvItems.ReadAsync(rows, ',', schema, ct).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    /// <summary>Store and network faults as <c>States.ItemReaderFailed</c>, their cause worded as AWS's Java SDK words S3's errors.</summary>
    private static ItemReaderFailedException? Failure(Exception e) => e is InvalidDataException data
        ? new ItemReaderFailedException("The object is not valid gzip data: " + data.Message, data)
        : StoreFailureCause(e) is { } cause ? new ItemReaderFailedException(cause, e) : null;

    /// <summary>
    /// The cause AWS gives for a fault of the object store (S3's error, the network, the local root), the same for the
    /// reader and the writer; null for any other exception.
    /// </summary>
    internal static string? StoreFailureCause(Exception e) => e switch
    {
        AwsServiceException s3 => S3Cause(s3),
        HttpRequestException http => "Unable to execute HTTP request: " + http.Message,
        IOException io => io.Message,
        _ => null,
    };

    private static string S3Cause(AwsServiceException e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Message} (Service: Amazon S3; Status Code: {e.StatusCode}; Error Code: {e.Code}; Request ID: {e.RequestId ?? "null"}; Proxy: null)");
}
