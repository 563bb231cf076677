using Stepwise.Json;

namespace Stepwise.Conformance.AwsRecorded;

/// <summary>The AWS-recorded corpus (<c>shared/conformance/aws-recorded</c>): its index and its case files.</summary>
internal static class AwsRecordedCorpus
{
    private static readonly Lazy<IReadOnlyList<IndexEntry>> s_index = new(LoadIndex);

    public static string Directory => Path.Combine(RepositoryPaths.Shared, "conformance", "aws-recorded");

    public static IReadOnlyList<IndexEntry> Index => s_index.Value;

    /// <summary>A case's id: its path below the corpus folder without the extension (<c>base/test_x</c>).</summary>
    public static string IdOf(string path) => path.EndsWith(".json", StringComparison.Ordinal) ? path[..^5] : path;

    public static JsonObject Load(string caseId) =>
        JsonValue.Parse(File.ReadAllText(Path.Combine(Directory, caseId + ".json"))).AsObject();

    private static IReadOnlyList<IndexEntry> LoadIndex()
    {
        var index = JsonValue.Parse(File.ReadAllText(Path.Combine(Directory, "index.json"))).AsObject();
        var entries = new List<IndexEntry>();
        foreach (var row in index["cases"]!.AsArray())
        {
            var obj = row.AsObject();
            string path = obj["path"]!.AsString();
            entries.Add(new IndexEntry(
                IdOf(path),
                path[..path.IndexOf('/', StringComparison.Ordinal)],
                obj["kind"]!.AsString(),
                Strings(obj["needs"]),
                Strings(obj["features"])));
        }

        return entries;
    }

    private static string[] Strings(JsonValue? array) =>
        array is JsonArray items ? items.Select(i => i.AsString()).ToArray() : [];

    /// <summary>One row of index.json.</summary>
    public sealed record IndexEntry(string Id, string Feature, string Kind, string[] Needs, string[] Features);
}
