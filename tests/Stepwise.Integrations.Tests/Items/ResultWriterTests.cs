using Stepwise.Integrations.Items;
using Stepwise.Json;
using Xunit;

namespace Stepwise.Integrations.Tests.Items;

public sealed class ResultWriterTests : IDisposable
{
    private const string MapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:machine/TestMap:4f1b2d6e-0000-4000-8000-000000000001";
    private const string MapRunId = "4f1b2d6e-0000-4000-8000-000000000001";
    private static readonly DateTimeOffset s_start = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private readonly LocalRoot _root = new();

    public void Dispose() => _root.Dispose();

    private static ResultWriterRequest Request(JsonObject? writerConfig = null, string prefix = "mapJobs") =>
        new("arn:aws:states:::s3:putObject", JsonObject.Create(("Bucket", LocalRoot.Bucket), ("Prefix", prefix)), writerConfig, MapRunArn);

    private static ChildExecutionResult Child(int index, string status, JsonValue? output = null) =>
        new($"arn:aws:states:us-east-1:123456789012:execution:machine/TestMap:{index}", index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            status, JsonObject.Create(("item", index)), output, status == "SUCCEEDED" ? null : "States.TaskFailed",
            status == "SUCCEEDED" ? null : "boom " + index, s_start, s_start.AddSeconds(1));

    [Fact]
    public async Task Results_are_grouped_by_status_under_the_prefix_and_the_map_run_id_with_a_manifest()
    {
        await using var session = await _root.Sink.OpenAsync(Request(), CancellationToken.None);
        await session.WriteAsync(Child(1, "SUCCEEDED", JsonArray.Create(1, 2)), CancellationToken.None);
        await session.WriteAsync(Child(2, "FAILED"), CancellationToken.None);
        await session.WriteAsync(Child(3, "SUCCEEDED", "three"), CancellationToken.None);

        var output = await session.CompleteAsync(CancellationToken.None);

        Assert.Equal($$$"""{"MapRunArn":"{{{MapRunArn}}}","ResultWriterDetails":{"Bucket":"bucket","Key":"mapJobs/{{{MapRunId}}}/manifest.json"}}""",
            output.ToJsonString());
        var manifest = (JsonObject)JsonValue.Parse(_root.Read($"mapJobs/{MapRunId}/manifest.json"));
        var files = (JsonObject)manifest["ResultFiles"]!;
        Assert.Equal(["FAILED", "PENDING", "SUCCEEDED"], files.Keys.ToArray());
        Assert.Empty((JsonArray)files["PENDING"]!);
        var succeeded = (JsonObject)((JsonArray)files["SUCCEEDED"]!)[0];
        Assert.Equal($"mapJobs/{MapRunId}/SUCCEEDED_0.json", succeeded["Key"]!.AsString());
        string succeededText = _root.Read($"mapJobs/{MapRunId}/SUCCEEDED_0.json");
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(succeededText), succeeded["Size"]!.AsNumber().ToDouble());
        var entries = (JsonArray)JsonValue.Parse(succeededText);
        Assert.Equal(2, entries.Count);
        var first = (JsonObject)entries[0];
        Assert.Equal("[1,2]", first["Output"]!.AsString());
        Assert.Equal("""{"item":1}""", first["Input"]!.AsString());
        Assert.Equal("2026-01-02T03:04:05.678Z", first["StartDate"]!.AsString());
        var failed = (JsonObject)((JsonArray)JsonValue.Parse(_root.Read($"mapJobs/{MapRunId}/FAILED_0.json")))[0];
        Assert.Equal("States.TaskFailed", failed["Error"]!.AsString());
        Assert.Equal("boom 2", failed["Cause"]!.AsString());
        Assert.Null(failed["Output"]);
    }

    [Fact]
    public async Task COMPACT_exports_outputs_alone_and_FLATTEN_spreads_arrays_as_JSON_Lines()
    {
        foreach (var (transformation, expected) in new[] { ("COMPACT", "[1,2]\n\"three\"\n"), ("FLATTEN", "1\n2\n\"three\"\n") })
        {
            string prefix = "out-" + transformation;
            await using var session = await _root.Sink.OpenAsync(
                Request(JsonObject.Create(("Transformation", transformation), ("OutputType", "JSONL")), prefix), CancellationToken.None);
            await session.WriteAsync(Child(1, "SUCCEEDED", JsonArray.Create(1, 2)), CancellationToken.None);
            await session.WriteAsync(Child(2, "SUCCEEDED", "three"), CancellationToken.None);
            await session.WriteAsync(Child(3, "FAILED"), CancellationToken.None);
            await session.CompleteAsync(CancellationToken.None);

            Assert.Equal(expected, _root.Read($"{prefix}/{MapRunId}/SUCCEEDED_0.json"));
            Assert.Contains("\"Error\":\"States.TaskFailed\"", _root.Read($"{prefix}/{MapRunId}/FAILED_0.json"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_group_past_the_file_size_continues_in_the_next_numbered_file()
    {
        var small = new ResultSink(new LocalObjectStore(_root.Path)) { FileBytes = 600 };
        await using var session = await small.OpenAsync(Request(), CancellationToken.None);
        for (int i = 0; i < 10; i++)
        {
            await session.WriteAsync(Child(i, "SUCCEEDED", i), CancellationToken.None);
        }

        await session.CompleteAsync(CancellationToken.None);

        var manifest = (JsonObject)JsonValue.Parse(_root.Read($"mapJobs/{MapRunId}/manifest.json"));
        var files = (JsonArray)((JsonObject)manifest["ResultFiles"]!)["SUCCEEDED"]!;
        Assert.True(files.Count > 1);
        int total = 0;
        for (int i = 0; i < files.Count; i++)
        {
            string key = ((JsonObject)files[i])["Key"]!.AsString();
            Assert.EndsWith($"SUCCEEDED_{i}.json", key, StringComparison.Ordinal);
            total += ((JsonArray)JsonValue.Parse(_root.Read(key))).Count;
        }

        Assert.Equal(10, total);
    }

    [Fact]
    public async Task A_missing_bucket_fails_the_writer_with_S3s_NoSuchBucket()
    {
        var request = new ResultWriterRequest("arn:aws:states:::s3:putObject", JsonObject.Create(("Bucket", "nope")), null, MapRunArn);
        await using var session = await _root.Sink.OpenAsync(request, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ResultWriterFailedException>(async () => await session.CompleteAsync(CancellationToken.None));

        Assert.Contains("Error Code: NoSuchBucket", failure.Message, StringComparison.Ordinal);
    }
}
