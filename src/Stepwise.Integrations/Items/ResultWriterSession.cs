using System.Buffers;
using System.Globalization;
using System.Net.Http;
using System.Text;
using Stepwise.Integrations.Aws;
using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>
/// One Map Run's export. Results are appended to a buffer per status group; a full buffer becomes the group's next file,
/// so memory stays bounded whatever the item count. Thread-safe: children finish concurrently.
/// </summary>
internal sealed class ResultWriterSession : IResultWriterSession
{
    private const string Succeeded = "SUCCEEDED";
    private const string Failed = "FAILED";
    private const string Pending = "PENDING";

    private readonly IObjectStore _store;
    private readonly string _bucket;
    private readonly string _folder;
    private readonly string _mapRunArn;
    private readonly ResultTransformation _transformation;
    private readonly bool _jsonLines;
    private readonly int _fileBytes;
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Indexed as the manifest lists the groups.
    private readonly Group[] _groups = [new(Failed), new(Pending), new(Succeeded)];
    private bool _completed;

    public ResultWriterSession(IObjectStore store, string bucket, string folder, string mapRunArn, ResultTransformation transformation, bool jsonLines, int fileBytes)
    {
        _store = store;
        _bucket = bucket;
        _folder = folder;
        _mapRunArn = mapRunArn;
        _transformation = transformation;
        _jsonLines = jsonLines;
        _fileBytes = fileBytes;
    }

    public async ValueTask WriteAsync(ChildExecutionResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            var group = _groups[result.Status switch
            {
                Succeeded => 2,
                Pending => 1,
                _ => 0,
            }];
            if (result.Status == Succeeded && _transformation != ResultTransformation.None)
            {
                var output = result.Output ?? JsonValue.Null;
                if (_transformation == ResultTransformation.Flatten && output is JsonArray array)
                {
                    foreach (var element in array)
                    {
                        Append(group, element);
                    }
                }
                else
                {
                    Append(group, output);
                }
            }
            else
            {
                Append(group, Entry(result));
            }

            if (group.Buffer.WrittenCount >= _fileBytes)
            {
                await FlushAsync(group, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<JsonValue> CompleteAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            _completed = true;
            var files = new JsonObjectBuilder(_groups.Length);
            foreach (var group in _groups)
            {
                if (group.Entries > 0)
                {
                    await FlushAsync(group, ct).ConfigureAwait(false);
                }

                files.Set(group.Status, JsonArray.Create(group.Files));
            }

            string manifestKey = _folder + "manifest.json";
            var manifest = JsonObject.Create(("DestinationBucket", _bucket), ("MapRunArn", _mapRunArn), ("ResultFiles", files.ToObject()));
            await PutAsync(manifestKey, Encoding.UTF8.GetBytes(manifest.ToJsonString()), ct).ConfigureAwait(false);
            return JsonObject.Create(("MapRunArn", _mapRunArn),
                ("ResultWriterDetails", JsonObject.Create(("Bucket", _bucket), ("Key", manifestKey))));
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _completed = true;
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The execution record AWS exports for a child (every failed child, and every child with Transformation NONE).</summary>
    private static JsonObject Entry(ChildExecutionResult result)
    {
        var entry = new JsonObjectBuilder(16)
            .Set("ExecutionArn", result.ExecutionArn)
            .Set("Input", result.Input.ToJsonString())
            .Set("InputDetails", JsonObject.Create(("Included", true)))
            .Set("Name", result.Name);
        if (result.Output is { } output)
        {
            entry.Set("Output", output.ToJsonString()).Set("OutputDetails", JsonObject.Create(("Included", true)));
        }

        if (result.Error is { } error)
        {
            entry.Set("Error", error);
        }

        if (result.Cause is { } cause)
        {
            entry.Set("Cause", cause);
        }

        entry.Set("RedriveCount", 0)
            .Set("RedriveStatus", "NOT_REDRIVABLE")
            .Set("RedriveStatusReason", $"Execution is {result.Status} and cannot be redriven")
            .Set("StartDate", Date(result.StartDate));
        if (result.StateMachineArn is { } stateMachineArn)
        {
            entry.Set("StateMachineArn", stateMachineArn);
        }

        return entry.Set("Status", result.Status).Set("StopDate", Date(result.StopDate)).ToObject();
    }

    private static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void Append(Group group, JsonValue value)
    {
        string text = value.ToJsonString();
        var span = group.Buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
        span[0] = (byte)(group.Entries == 0 ? (_jsonLines ? '\n' : '[') : (_jsonLines ? '\n' : ','));
        int skip = group.Entries == 0 && _jsonLines ? 0 : 1;
        group.Buffer.Advance(skip + Encoding.UTF8.GetBytes(text, span[skip..]));
        group.Entries++;
    }

    private async Task FlushAsync(Group group, CancellationToken ct)
    {
        var tail = group.Buffer.GetSpan(1);
        tail[0] = (byte)(_jsonLines ? '\n' : ']');
        group.Buffer.Advance(1);
        string key = string.Create(CultureInfo.InvariantCulture, $"{_folder}{group.Status}_{group.Files.Count}.json");
        await PutAsync(key, group.Buffer.WrittenMemory, ct).ConfigureAwait(false);
        group.Files.Add(JsonObject.Create(("Key", key), ("Size", group.Buffer.WrittenCount)));
        group.Buffer.ResetWrittenCount();
        group.Entries = 0;
    }

    private async Task PutAsync(string key, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        try
        {
            await _store.PutAsync(_bucket, key, body, "application/json", ct).ConfigureAwait(false);
        }
        catch (Exception e) when (ItemSource.StoreFailureCause(e) is { } cause)
        {
            throw new ResultWriterFailedException(cause, e);
        }
    }

    private sealed class Group(string status)
    {
        public string Status { get; } = status;

        public ArrayBufferWriter<byte> Buffer { get; } = new(1 << 16);

        public List<JsonValue> Files { get; } = [];

        public int Entries { get; set; }
    }
}
