using System.Globalization;
using System.Text;

namespace Stepwise.DistributedMap.Bench;

/// <summary>The bench's local root: bucket <c>items</c> holds <c>items-N.jsonl</c>; bucket <c>results</c> receives the ResultWriter's files.</summary>
internal static class Input
{
    public const string ItemsBucket = "items";
    public const string ResultsBucket = "results";

    public static string Key(long items) => string.Create(CultureInfo.InvariantCulture, $"items-{items}.jsonl");

    /// <summary>Writes <c>items-N.jsonl</c> (one small object per line) unless it exists.</summary>
    public static void Ensure(string root, long items)
    {
        string folder = Path.Combine(root, ItemsBucket);
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(root, ResultsBucket));
        string file = Path.Combine(folder, Key(items));
        if (File.Exists(file))
        {
            return;
        }

        string partial = file + ".partial";
        using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false), 1 << 20))
        {
            for (long i = 0; i < items; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"name\":\"item-{i}\",\"score\":{i % 97}}}\n"));
            }
        }

        File.Move(partial, file, overwrite: true);
    }
}
