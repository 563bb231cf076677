using System.Text;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.Json;

namespace Stepwise.Integrations.Tests.Items;

/// <summary>A temporary local root with one bucket, and the item I/O configured over it.</summary>
internal sealed class LocalRoot : IDisposable
{
    public const string Bucket = "bucket";

    public LocalRoot()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, Bucket));
        var configuration = new IntegrationsConfiguration { S3LocalRoot = Path };
        Source = ItemIO.CreateItemSource(configuration, "us-east-1");
        Sink = ItemIO.CreateResultSink(configuration, "us-east-1");
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("stepwise-items-").FullName;

    public IItemSource Source { get; }

    public IResultSink Sink { get; }

    public string Write(string key, string text)
    {
        string file = System.IO.Path.Combine(Path, Bucket, key);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text, new UTF8Encoding(false));
        return file;
    }

    public string Read(string key) => File.ReadAllText(System.IO.Path.Combine(Path, Bucket, key));

    public static ItemReaderRequest GetObject(string key, string inputType, params (string Key, JsonValue Value)[] config)
    {
        var builder = new JsonObjectBuilder().Set("InputType", inputType);
        foreach (var (name, value) in config)
        {
            builder.Set(name, value);
        }

        return new ItemReaderRequest("arn:aws:states:::s3:getObject", JsonObject.Create(("Bucket", Bucket), ("Key", key)), builder.ToObject());
    }

    public async Task<List<JsonValue>> ReadAllAsync(ItemReaderRequest request)
    {
        var items = new List<JsonValue>();
        await foreach (var item in Source.ReadAsync(request, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
