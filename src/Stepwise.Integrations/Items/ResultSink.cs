using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>
/// Exports a Map Run's child results as AWS does: files of results grouped by status under
/// <c>&lt;Prefix&gt;/&lt;map run id&gt;/</c> (<c>SUCCEEDED_0.json</c>, <c>FAILED_0.json</c>, <c>PENDING_0.json</c>, …)
/// and a <c>manifest.json</c> listing them, in S3 or the operator's local root. Create one with
/// <see cref="ItemIO.CreateResultSink"/>.
/// </summary>
public sealed class ResultSink : IResultSink
{
    private readonly IObjectStore _store;

    internal ResultSink(IObjectStore store)
    {
        _store = store;
    }

    /// <summary>
    /// How many bytes of results one file holds before the next is started; bounds the memory a session holds per status.
    /// </summary>
    internal int FileBytes { get; init; } = 8 << 20;

    /// <inheritdoc/>
    public ValueTask<IResultWriterSession> OpenAsync(ResultWriterRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Resource.EndsWith(":s3:putObject", StringComparison.Ordinal))
        {
            throw new ResultWriterFailedException($"The ResultWriter resource '{request.Resource}' is not supported; use arn:aws:states:::s3:putObject.");
        }

        string bucket = request.Arguments["Bucket"] is JsonString b && b.Value.Length > 0 ? b.Value
            : throw new ResultWriterFailedException("The ResultWriter's Parameters need a Bucket.");
        string prefix = request.Arguments["Prefix"] switch
        {
            null => string.Empty,
            JsonString p => p.Value,
            _ => throw new ResultWriterFailedException("The ResultWriter's Prefix must be a string."),
        };
        var config = request.WriterConfig ?? JsonObject.Empty;
        var transformation = config["Transformation"] switch
        {
            null or JsonString { Value: "NONE" } => ResultTransformation.None,
            JsonString { Value: "COMPACT" } => ResultTransformation.Compact,
            JsonString { Value: "FLATTEN" } => ResultTransformation.Flatten,
            var other => throw new ResultWriterFailedException($"The WriterConfig Transformation {other} is not one of NONE, COMPACT and FLATTEN."),
        };
        bool jsonLines = config["OutputType"] switch
        {
            null or JsonString { Value: "JSON" } => false,
            JsonString { Value: "JSONL" } => true,
            var other => throw new ResultWriterFailedException($"The WriterConfig OutputType {other} is not one of JSON and JSONL."),
        };
        string mapRunId = request.MapRunArn[(request.MapRunArn.LastIndexOf(':') + 1)..];
        string folder = (prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/") + mapRunId + "/";
        IResultWriterSession session = new ResultWriterSession(_store, bucket, folder, request.MapRunArn, transformation, jsonLines, FileBytes);
        return ValueTask.FromResult(session);
    }
}
