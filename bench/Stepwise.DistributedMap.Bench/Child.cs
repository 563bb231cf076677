using System.Diagnostics;
using System.Globalization;
using Stepwise.Hosting.Durable;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.Bench;
using Stepwise.Json;
using Stepwise.Storage.Sqlite;

namespace Stepwise.DistributedMap.Bench;

/// <summary>One (mode, item count) measured in its own process.</summary>
internal static class Child
{
    public readonly record struct Result(double Seconds, double ItemsPerSecond, double PeakRssMb);

    /// <summary>The peak RSS when the timed part ended, before a verification that reads results back.</summary>
    private static double? s_timedPeakRssMb;

    public static Result? Spawn(string mode, long items, string root)
    {
        if (ChildProcess.Run(typeof(Child).Assembly.Location, ["--child", mode, items.ToString(CultureInfo.InvariantCulture), "--root", root], $"{mode}/{items}") is not { } obj)
        {
            return null;
        }

        return new Result(obj["seconds"]!.AsNumber().ToDouble(), obj["itemsPerSec"]!.AsNumber().ToDouble(), obj["peakRssMB"]!.AsNumber().ToDouble());
    }

    public static async Task RunAsync(string mode, long items, string root)
    {
        var configuration = new IntegrationsConfiguration { S3LocalRoot = root };
        var stopwatch = Stopwatch.StartNew();
        long counted = mode switch
        {
            "reader" => await ReadAsync(configuration, items),
            "writer" => await WriteAsync(configuration, items),
            "engine" => await RunEngineAsync(configuration, items, stopwatch),
            _ => throw new ArgumentException($"unknown mode {mode}"),
        };
        stopwatch.Stop();
        if (counted != items)
        {
            throw new InvalidOperationException($"{mode} processed {counted} items, not {items}");
        }

        double seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"seconds\":{seconds},\"itemsPerSec\":{items / seconds},\"peakRssMB\":{s_timedPeakRssMb ?? ChildProcess.PeakRssMb()}}}"));
    }

    /// <summary>The ItemReader alone: every line of the JSONL file parsed into an item.</summary>
    private static async Task<long> ReadAsync(IntegrationsConfiguration configuration, long items)
    {
        var source = ItemIO.CreateItemSource(configuration, "us-east-1");
        long count = 0;
        await foreach (var _ in source.ReadAsync(Request(items), CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    /// <summary>The ResultWriter alone: one result per item (COMPACT, as children of one Pass give it back).</summary>
    private static async Task<long> WriteAsync(IntegrationsConfiguration configuration, long items)
    {
        var sink = ItemIO.CreateResultSink(configuration, "us-east-1");
        var request = new ResultWriterRequest("arn:aws:states:::s3:putObject", JsonObject.Create(("Bucket", Input.ResultsBucket), ("Prefix", "writer")),
            JsonObject.Create(("Transformation", "COMPACT")), "arn:aws:states:us-east-1:123456789012:mapRun:bench/Map:writer-" + items.ToString(CultureInfo.InvariantCulture));
        await using var session = await sink.OpenAsync(request, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        for (long i = 0; i < items; i++)
        {
            var item = JsonObject.Create(("id", i), ("name", "item"));
            await session.WriteAsync(new ChildExecutionResult("arn:child", "child", "SUCCEEDED", item, item, null, null, now, now), CancellationToken.None);
        }

        await session.CompleteAsync(CancellationToken.None);
        return items;
    }

    /// <summary>
    /// The whole engine: a STANDARD parent on SQLite whose DISTRIBUTED Map reads the JSONL file through the local root,
    /// batches of 1,000 items, EXPRESS children with one Pass, results exported to the local root. Timed from the start
    /// of the execution to its end (the engine's startup excluded).
    /// </summary>
    private static async Task<long> RunEngineAsync(IntegrationsConfiguration configuration, long items, Stopwatch stopwatch)
    {
        string folder = Path.Combine(Path.GetTempPath(), "stepwise-dmap-bench-" + Guid.NewGuid().ToString("N"));
        var store = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "stepwise.db") });
        try
        {
            await using var engine = new DurableEngine(store, new DurableEngineOptions { PollInterval = TimeSpan.FromMilliseconds(50), Integrations = configuration });
            await engine.StartAsync();
            var machine = await engine.CreateStateMachineAsync("dmap-bench", Definition(items).ToJsonString());
            stopwatch.Restart();
            var started = await engine.StartExecutionAsync(machine.StateMachineArn, JsonObject.Empty);
            var done = await engine.WaitForExecutionAsync(started.ExecutionArn);
            stopwatch.Stop();
            s_timedPeakRssMb = ChildProcess.PeakRssMb();
            if (done.Status != "SUCCEEDED")
            {
                throw new InvalidOperationException($"the parent ended {done.Status}: {done.Error} {done.Cause}");
            }

            return CountExported(configuration.S3LocalRoot!, done.Output);
        }
        finally
        {
            await store.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject Definition(long items) => (JsonObject)JsonValue.Parse(Template.Replace("ITEMS", Input.ItemsBucket, StringComparison.Ordinal)
        .Replace("KEY", Input.Key(items), StringComparison.Ordinal).Replace("RESULTS", Input.ResultsBucket, StringComparison.Ordinal));

    private const string Template = """
        {"StartAt": "Map", "States": {"Map": {
          "Type": "Map",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"},
                         "Parameters": {"Bucket": "ITEMS", "Key": "KEY"}},
          "ItemBatcher": {"MaxItemsPerBatch": 1000},
          "MaxConcurrency": 1000,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                            "StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "End": true}}},
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "RESULTS", "Prefix": "engine"}},
          "End": true}}}
        """;

    private static ItemReaderRequest Request(long items) => new("arn:aws:states:::s3:getObject",
        JsonObject.Create(("Bucket", Input.ItemsBucket), ("Key", Input.Key(items))), JsonObject.Create(("InputType", "JSONL")));

    /// <summary>The items the exported SUCCEEDED files hold (each child's output is its batch), read back from the manifest.</summary>
    private static long CountExported(string root, string? output)
    {
        var details = JsonValue.Parse(output ?? "null") is JsonObject o && o["ResultWriterDetails"] is JsonObject d ? d
            : throw new InvalidOperationException($"the parent's output has no ResultWriterDetails: {output}");
        string bucket = Path.Combine(root, details["Bucket"]!.AsString());
        var manifest = JsonValue.Parse(File.ReadAllText(Path.Combine(bucket, details["Key"]!.AsString()))).AsObject();
        long count = 0;
        foreach (var file in manifest["ResultFiles"]!.AsObject()["SUCCEEDED"]!.AsArray())
        {
            foreach (var entry in JsonValue.Parse(File.ReadAllText(Path.Combine(bucket, file.AsObject()["Key"]!.AsString()))).AsArray())
            {
                count += JsonValue.Parse(entry.AsObject()["Output"]!.AsString()).AsObject()["Items"]!.AsArray().Count;
            }
        }

        return count;
    }
}
