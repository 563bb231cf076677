using System.Text;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.Json;
using Stepwise.Testing;
using Xunit;

namespace Stepwise.Integrations.Tests.Items;

/// <summary>The item I/O against moto's S3, as against AWS's: path-style requests, SigV4-signed.</summary>
public sealed class S3ItemIOTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private IntegrationsConfiguration Configuration()
    {
        var configuration = new IntegrationsConfiguration();
        configuration.SetEndpoint("s3", moto.Endpoint);
        return configuration;
    }

    private static async Task<List<JsonValue>> ReadAllAsync(IItemSource source, ItemReaderRequest request)
    {
        var items = new List<JsonValue>();
        await foreach (var item in source.ReadAsync(request, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task A_JSON_file_in_S3_is_read_as_items()
    {
        await moto.CreateBucketAsync("items-json");
        await moto.PutObjectAsync("items-json", "data/file.json", Encoding.UTF8.GetBytes("""[{"a":1},{"a":2},{"a":3}]"""));
        var request = new ItemReaderRequest("arn:aws:states:::s3:getObject",
            JsonObject.Create(("Bucket", "items-json"), ("Key", "data/file.json")), JsonObject.Create(("InputType", "JSON"), ("MaxItems", 2)));

        var items = await ReadAllAsync(ItemIO.CreateItemSource(Configuration(), "us-east-1"), request);

        Assert.Equal("""[{"a":1},{"a":2}]""", JsonArray.Create(items).ToJsonString());
    }

    [Fact]
    public async Task ListObjectsV2_in_S3_yields_each_object_with_AWSs_fields()
    {
        await moto.CreateBucketAsync("items-list");
        for (int i = 0; i < 3; i++)
        {
            await moto.PutObjectAsync("items-list", $"file_{i}.txt", Encoding.UTF8.GetBytes($"{i}HelloWorld!"));
        }

        var request = new ItemReaderRequest("arn:aws:states:::s3:listObjectsV2", JsonObject.Create(("Bucket", "items-list")), JsonObject.Empty);

        var items = await ReadAllAsync(ItemIO.CreateItemSource(Configuration(), "us-east-1"), request);

        Assert.Equal(["file_0.txt", "file_1.txt", "file_2.txt"], items.Select(item => ((JsonObject)item)["Key"]!.AsString()));
        var first = (JsonObject)items[0];
        Assert.Equal(12, first["Size"]!.AsNumber().ToDouble());
        Assert.Equal("STANDARD", first["StorageClass"]!.AsString());
        Assert.StartsWith("\"", first["Etag"]!.AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_S3_key_fails_the_reader_with_NoSuchKey()
    {
        await moto.CreateBucketAsync("items-missing");
        var request = new ItemReaderRequest("arn:aws:states:::s3:getObject",
            JsonObject.Create(("Bucket", "items-missing"), ("Key", "nope.json")), JsonObject.Create(("InputType", "JSON")));

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => ReadAllAsync(ItemIO.CreateItemSource(Configuration(), "us-east-1"), request));

        Assert.Contains("Error Code: NoSuchKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ResultWriter_puts_its_files_and_manifest_in_S3()
    {
        await moto.CreateBucketAsync("results");
        const string mapRunArn = "arn:aws:states:us-east-1:111111111111:mapRun:machine/Map:0b5d2c1a-1111-4222-8333-444455556666";
        var sink = ItemIO.CreateResultSink(Configuration(), "us-east-1");
        await using var session = await sink.OpenAsync(
            new ResultWriterRequest("arn:aws:states:::s3:putObject", JsonObject.Create(("Bucket", "results"), ("Prefix", "jobs")), null, mapRunArn),
            CancellationToken.None);
        var now = DateTimeOffset.UnixEpoch;
        await session.WriteAsync(new ChildExecutionResult("arn:child", "child", "SUCCEEDED", 1, 2, null, null, now, now), CancellationToken.None);

        var output = (JsonObject)await session.CompleteAsync(CancellationToken.None);

        string key = ((JsonObject)output["ResultWriterDetails"]!)["Key"]!.AsString();
        Assert.Equal("jobs/0b5d2c1a-1111-4222-8333-444455556666/manifest.json", key);
        var manifest = (JsonObject)JsonValue.Parse(Encoding.UTF8.GetString(await moto.GetObjectAsync("results", key)));
        Assert.Equal(mapRunArn, manifest["MapRunArn"]!.AsString());
        var entries = (JsonArray)JsonValue.Parse(Encoding.UTF8.GetString(
            await moto.GetObjectAsync("results", "jobs/0b5d2c1a-1111-4222-8333-444455556666/SUCCEEDED_0.json")));
        Assert.Equal("2", ((JsonObject)entries[0])["Output"]!.AsString());
    }

    [Fact]
    public async Task A_VersionId_reads_that_version_of_the_object()
    {
        await moto.CreateBucketAsync("items-versions");
        await moto.CallRestAsync(HttpMethod.Put, "items-versions?versioning", "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>");
        string first = await moto.PutObjectAsync("items-versions", "file.json", Encoding.UTF8.GetBytes("[1]")) ?? throw new InvalidOperationException("moto kept no version");
        await moto.PutObjectAsync("items-versions", "file.json", Encoding.UTF8.GetBytes("[2]"));
        var source = ItemIO.CreateItemSource(Configuration(), "us-east-1");

        var old = await ReadAllAsync(source, new ItemReaderRequest("arn:aws:states:::s3:getObject",
            JsonObject.Create(("Bucket", "items-versions"), ("Key", "file.json"), ("VersionId", first)), JsonObject.Create(("InputType", "JSON"))));
        var latest = await ReadAllAsync(source, new ItemReaderRequest("arn:aws:states:::s3:getObject",
            JsonObject.Create(("Bucket", "items-versions"), ("Key", "file.json")), JsonObject.Create(("InputType", "JSON"))));

        Assert.Equal("[1]", JsonArray.Create(old).ToJsonString());
        Assert.Equal("[2]", JsonArray.Create(latest).ToJsonString());
    }
}
