using System.Globalization;
using System.IO.Compression;
using System.Text;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.Json;
using Xunit;

namespace Stepwise.Integrations.Tests.Items;

public sealed class ItemReaderTests : IDisposable
{
    private readonly LocalRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_JSON_array_file_yields_its_elements_in_order()
    {
        var elements = new List<JsonValue>();
        for (int i = 0; i < 50; i++)
        {
            elements.Add(JsonObject.Create(("id", i), ("name", "item " + i), ("tags", JsonArray.Create("a", i % 2 == 0))));
        }

        _root.Write("file.json", JsonArray.Create(elements).ToIndentedJsonString());

        var items = await _root.ReadAllAsync(LocalRoot.GetObject("file.json", "JSON"));

        Assert.Equal(elements, items);
    }

    [Fact]
    public async Task A_JSON_element_larger_than_the_read_buffer_is_read_whole()
    {
        string big = new('x', 300_000);
        _root.Write("big.json", JsonArray.Create(1, JsonObject.Create(("text", big)), "last").ToJsonString());

        var items = await _root.ReadAllAsync(LocalRoot.GetObject("big.json", "JSON"));

        Assert.Equal(3, items.Count);
        Assert.Equal(big, ((JsonObject)items[1])["text"]!.AsString());
        Assert.Equal("last", items[2].AsString());
    }

    [Fact]
    public async Task A_JSON_file_that_is_not_an_array_fails_with_AWSs_cause()
    {
        _root.Write("file.json", """{"Hello": "world"}""");

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(LocalRoot.GetObject("file.json", "JSON")));

        Assert.Equal("Attempting to map over non-iterable node.", failure.Message);
    }

    [Fact]
    public async Task A_JSON_Lines_file_of_200k_lines_streams_with_bounded_memory()
    {
        const int lines = 200_000;
        var text = new StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"payload\":\"{new string('p', 40)}\"}}\n");
        }

        string file = _root.Write("items.jsonl", text.ToString());
        long fileBytes = new FileInfo(file).Length;
        text.Clear();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        long count = 0;
        await foreach (var item in _root.Source.ReadAsync(LocalRoot.GetObject("items.jsonl", "JSONL"), CancellationToken.None))
        {
            Assert.Equal(count, ((JsonObject)item)["id"]!.AsNumber().ToDouble());
            if (++count % 50_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Assert.Equal(lines, count);
        Assert.True(peak < fileBytes / 4, $"The reader retained {peak} bytes while reading a {fileBytes}-byte file.");
    }

    [Fact]
    public async Task A_JSON_Lines_file_skips_blank_lines_and_names_the_line_that_is_not_JSON()
    {
        _root.Write("ok.jsonl", "1\n\n  \n{\"a\":2}\r\n[3]");
        _root.Write("bad.jsonl", "1\n{oops}\n");

        var items = await _root.ReadAllAsync(LocalRoot.GetObject("ok.jsonl", "JSONL"));
        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(LocalRoot.GetObject("bad.jsonl", "JSONL")));

        Assert.Equal("[1,{\"a\":2},[3]]", JsonArray.Create(items).ToJsonString());
        Assert.StartsWith("Line 2 of the JSONL file is not valid JSON", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CSV_with_headers_in_the_first_row_pads_missing_fields_drops_extra_ones_and_orders_keys_as_AWS()
    {
        // The corpus's test_map_item_reader_csv_headers_first_row_typed_headers file and its recorded output.
        _root.Write("file.csv", "0,True,{}\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n");

        var items = await _root.ReadAllAsync(LocalRoot.GetObject("file.csv", "CSV", ("CSVHeaderLocation", "FIRST_ROW")));

        Assert.Equal(
            """[{"0":"Value4","{}":"Value6","True":"Value5"},{"0":"","{}":"","True":""},{"0":"true","{}":"'HelloWorld'","True":"1"},{"0":"Null","{}":"","True":"None"},{"0":"   ","{}":"","True":""}]""",
            JsonArray.Create(items).ToJsonString());
    }

    [Fact]
    public async Task CSV_with_given_headers_reads_every_row_as_data()
    {
        _root.Write("file.csv", "Value1,Value2,Value3\nValue4,Value5,Value6\n");

        var items = await _root.ReadAllAsync(LocalRoot.GetObject("file.csv", "CSV",
            ("CSVHeaderLocation", "GIVEN"), ("CSVHeaders", JsonArray.Create("H1", "H2", "H3"))));

        Assert.Equal("""[{"H1":"Value1","H2":"Value2","H3":"Value3"},{"H1":"Value4","H2":"Value5","H3":"Value6"}]""", JsonArray.Create(items).ToJsonString());
    }

    [Theory]
    [InlineData("GIVEN")]
    [InlineData("FIRST_ROW")]
    public async Task CSV_with_duplicate_headers_fails_with_AWSs_cause(string location)
    {
        _root.Write("file.csv", "H1,H1,H3\nValue1,Value2,Value3\n");
        var request = location == "GIVEN"
            ? LocalRoot.GetObject("file.csv", "CSV", ("CSVHeaderLocation", "GIVEN"), ("CSVHeaders", JsonArray.Create("H1", "H1", "H3")))
            : LocalRoot.GetObject("file.csv", "CSV", ("CSVHeaderLocation", "FIRST_ROW"));

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(request));

        Assert.Equal("CSV headers cannot contain duplicates.", failure.Message);
    }

    [Fact]
    public async Task CSV_headers_past_10_KiB_fail_the_reader()
    {
        var headers = new List<string>();
        for (int i = 0; headers.Sum(h => h.Length + 1) <= 10 * 1024; i++)
        {
            headers.Add("header_" + i.ToString("D5", CultureInfo.InvariantCulture));
        }

        _root.Write("wide.csv", string.Join(',', headers) + "\n" + string.Join(',', headers.Select(_ => "v")) + "\n");
        _root.Write("narrow.csv", string.Join(',', headers.Skip(1)) + "\n" + string.Join(',', headers.Skip(1).Select(_ => "v")) + "\n");

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(LocalRoot.GetObject("wide.csv", "CSV")));
        var items = await _root.ReadAllAsync(LocalRoot.GetObject("narrow.csv", "CSV"));

        Assert.Contains("10240 bytes", failure.Message, StringComparison.Ordinal);
        Assert.Single(items);
    }

    [Theory]
    [InlineData("[1, 2, {\"a\":")]
    [InlineData("[1, 2")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_JSON_file_cut_short_or_empty_fails_the_reader(string text)
    {
        _root.Write("cut.json", text);

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(LocalRoot.GetObject("cut.json", "JSON")));

        Assert.StartsWith("The file is not valid JSON", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("COMMA", ',')]
    [InlineData("PIPE", '|')]
    [InlineData("SEMICOLON", ';')]
    [InlineData("SPACE", ' ')]
    [InlineData("TAB", '\t')]
    public async Task CSV_fields_follow_RFC_4180_quoting_with_each_delimiter(string name, char delimiter)
    {
        string d = delimiter.ToString();
        _root.Write("file.csv", $"a{d}b\r\n\"x{d}y\"{d}\"say \"\"hi\"\"\nthere\"\r\nplain{d}\"\"\r\n");

        var items = await _root.ReadAllAsync(LocalRoot.GetObject("file.csv", "CSV", ("CSVDelimiter", name)));

        Assert.Equal(2, items.Count);
        Assert.Equal($"x{d}y", ((JsonObject)items[0])["a"]!.AsString());
        Assert.Equal("say \"hi\"\nthere", ((JsonObject)items[0])["b"]!.AsString());
        Assert.Equal("plain", ((JsonObject)items[1])["a"]!.AsString());
        Assert.Equal(string.Empty, ((JsonObject)items[1])["b"]!.AsString());
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(0, 4)]
    [InlineData(100_000_001, 4)]
    public async Task MaxItems_limits_the_items_read_and_zero_reads_them_all(long maxItems, int expected)
    {
        _root.Write("file.csv", "Col1,Col2\nValue1,Value2\nValue3,Value4\nValue5,Value6\nValue7,Value8\n");

        var items = await _root.ReadAllAsync(LocalRoot.GetObject("file.csv", "CSV", ("MaxItems", maxItems)));

        Assert.Equal(expected, items.Count);
    }

    [Fact]
    public async Task A_MaxItems_that_is_not_a_number_fails_the_reader()
    {
        _root.Write("file.json", "[1,2,3]");

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(LocalRoot.GetObject("file.json", "JSON", ("MaxItems", "two"))));

        Assert.Equal("field MaxItems must be a number", failure.Message);
    }

    [Fact]
    public async Task A_negative_MaxItems_fails_with_AWSs_cause()
    {
        _root.Write("file.json", "[1,2]");

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(LocalRoot.GetObject("file.json", "JSON", ("MaxItems", -1))));

        Assert.Equal("field MaxItems must be positive", failure.Message);
    }

    [Fact]
    public async Task An_S3_inventory_manifest_reads_its_gzipped_CSV_data_files_as_items()
    {
        _root.Write("inventory/data/part-0.csv.gz", string.Empty);
        using (var file = File.Create(Path.Combine(_root.Path, LocalRoot.Bucket, "inventory/data/part-0.csv.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write("\"source\",\"images/a.jpg\",\"10\"\n\"source\",\"images/b.jpg\",\"20\"\n"u8);
        }

        _root.Write("inventory/data/part-1.csv", "\"source\",\"images/c.jpg\",\"30\"\n");
        _root.Write("inventory/manifest.json", $$"""
            {"sourceBucket":"source","destinationBucket":"arn:aws:s3:::{{LocalRoot.Bucket}}","version":"2016-11-30","fileFormat":"CSV",
             "fileSchema":"Bucket, Key, Size","files":[{"key":"inventory/data/part-0.csv.gz","size":1},{"key":"inventory/data/part-1.csv","size":1}]}
            """);

        var items = await _root.ReadAllAsync(LocalRoot.GetObject("inventory/manifest.json", "MANIFEST"));

        Assert.Equal(["images/a.jpg", "images/b.jpg", "images/c.jpg"], items.Select(item => ((JsonObject)item)["Key"]!.AsString()));
        Assert.Equal("source", ((JsonObject)items[0])["Bucket"]!.AsString());
    }

    [Fact]
    public async Task ListObjectsV2_pages_through_every_object_under_the_prefix_in_key_order()
    {
        for (int i = 0; i < 1005; i++)
        {
            _root.Write(string.Create(CultureInfo.InvariantCulture, $"logs/{i:D4}.txt"), "x");
        }

        _root.Write("other/skip.txt", "y");
        var request = new ItemReaderRequest("arn:aws:states:::s3:listObjectsV2",
            JsonObject.Create(("Bucket", LocalRoot.Bucket), ("Prefix", "logs/")), JsonObject.Empty);

        var items = await _root.ReadAllAsync(request);

        Assert.Equal(1005, items.Count);
        var last = (JsonObject)items[^1];
        Assert.Equal(["Etag", "Key", "LastModified", "Size", "StorageClass"], last.Keys.ToArray());
        Assert.Equal("logs/1004.txt", last["Key"]!.AsString());
        Assert.Equal(1, last["Size"]!.AsNumber().ToDouble());
    }

    [Theory]
    [InlineData("../other-bucket/file.json")]
    [InlineData("a/../../../outside.json")]
    [InlineData("/etc/passwd")]
    public async Task A_key_that_leaves_its_bucket_in_the_local_root_is_refused(string key)
    {
        _root.Write("../other-bucket/file.json", "[1]");

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(LocalRoot.GetObject(key, "JSON")));

        Assert.Contains("AccessDenied", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_file_has_only_the_null_version()
    {
        _root.Write("file.json", "[1]");
        static ItemReaderRequest Versioned(string version) => new("arn:aws:states:::s3:getObject",
            JsonObject.Create(("Bucket", LocalRoot.Bucket), ("Key", "file.json"), ("VersionId", version)), JsonObject.Create(("InputType", "JSON")));

        var items = await _root.ReadAllAsync(Versioned("null"));
        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(Versioned("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd")));

        Assert.Single(items);
        Assert.Contains("Error Code: NoSuchVersion", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_fails_with_S3s_NoSuchKey()
    {
        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(() => _root.ReadAllAsync(LocalRoot.GetObject("missing.json", "JSON")));

        Assert.Equal("The specified key does not exist. (Service: Amazon S3; Status Code: 404; Error Code: NoSuchKey; Request ID: null; Proxy: null)",
            failure.Message);
    }

    [Fact]
    public async Task Without_an_S3_endpoint_or_local_root_the_reader_says_what_to_configure()
    {
        var source = ItemIO.CreateItemSource(new IntegrationsConfiguration(), "us-east-1");

        var failure = await Assert.ThrowsAsync<ItemReaderFailedException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(LocalRoot.GetObject("file.json", "JSON"), CancellationToken.None))
            {
            }
        });

        Assert.Contains("STEPWISE_S3_LOCAL_ROOT", failure.Message, StringComparison.Ordinal);
    }
}
