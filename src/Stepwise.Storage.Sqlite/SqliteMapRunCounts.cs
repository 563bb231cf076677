using System.Globalization;
using Stepwise.Storage.MapRuns;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// Writes a Map Run's counters as one text value, the ten counts in <see cref="MapRunCounts"/>' order separated by
/// commas (<c>"0,2,5,1,0,0,8,0,0,0"</c>), and reads it back.
/// </summary>
internal static class SqliteMapRunCounts
{
    private const int Fields = 10;

    public static string Write(MapRunCounts counts) => string.Create(CultureInfo.InvariantCulture,
        $"{counts.Pending},{counts.Running},{counts.Succeeded},{counts.Failed},{counts.TimedOut},{counts.Aborted},{counts.Total},{counts.ResultsWritten},{counts.FailuresNotRedrivable},{counts.PendingRedrive}");

    public static MapRunCounts Read(string text)
    {
        Span<long> values = stackalloc long[Fields];
        var rest = text.AsSpan();
        for (var i = 0; i < Fields; i++)
        {
            var comma = rest.IndexOf(',');
            var field = comma < 0 ? rest : rest[..comma];
            if (!long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]) || (comma < 0) != (i == Fields - 1))
            {
                throw new StorageException($"A stored Map Run count list is malformed: '{text}'.");
            }

            rest = comma < 0 ? default : rest[(comma + 1)..];
        }

        return new MapRunCounts(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9]);
    }
}
