using System.Runtime.CompilerServices;
using System.Text;
using Stepwise.Json;
using Stepwise.JsonPath.Intrinsics.Functions;

namespace Stepwise.Integrations.Items;

/// <summary>
/// Streams a CSV file as items (InputType CSV, and the data files of an S3 inventory): one object per record mapping
/// each header to its field as a string. As AWS does, a record with fewer fields than headers gets empty strings for
/// the missing ones, extra fields are dropped, and duplicate headers fail the reader.
/// </summary>
internal static class CsvItems
{
    /// <summary>AWS's cause for repeated headers (in the file's first row or in <c>CSVHeaders</c>).</summary>
    public const string DuplicateHeaders = "CSV headers cannot contain duplicates.";

    /// <summary>Step Functions reads CSV headers of up to 10 KiB (developer guide, "ItemReader").</summary>
    public const int MaxHeaderBytes = 10 * 1024;

    /// <summary>
    /// Yields the records of <paramref name="stream"/>; the first record holds the headers when
    /// <paramref name="givenHeaders"/> is null.
    /// </summary>
    public static async IAsyncEnumerable<JsonValue> ReadAsync(Stream stream, char delimiter, IReadOnlyList<string>? givenHeaders,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var records = new CsvRecordReader(text, delimiter);
        var fields = new List<string>();
        IReadOnlyList<string> headers;
        if (givenHeaders is not null)
        {
            headers = givenHeaders;
        }
        else if (await records.ReadAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            headers = fields.ToArray();
        }
        else
        {
            yield break;
        }

        var layout = Layout(headers);
        while (await records.ReadAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            var values = new JsonValue[layout.Keys.Length];
            for (int i = 0; i < values.Length; i++)
            {
                int column = layout.Columns[i];
                values[i] = column < fields.Count && fields[column].Length > 0 ? new JsonString(fields[column]) : JsonString.Empty;
            }

            yield return JsonObject.TakeOwnership(layout.Keys, values);
        }
    }

    /// <summary>The item keys in AWS's order and, for each, the column it reads.</summary>
    private static (string[] Keys, int[] Columns) Layout(IReadOnlyList<string> headers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int bytes = 0;
        for (int i = 0; i < headers.Count; i++)
        {
            if (!seen.Add(headers[i]))
            {
                throw new ItemReaderFailedException(DuplicateHeaders);
            }

            bytes += Encoding.UTF8.GetByteCount(headers[i]) + 1;
        }

        if (bytes > MaxHeaderBytes)
        {
            throw new ItemReaderFailedException($"The CSV headers are {bytes} bytes long; Step Functions reads headers of up to {MaxHeaderBytes} bytes.");
        }

        var columns = new int[headers.Count];
        JavaHashMapOrder.OfPutKeys([.. headers], columns);
        var keys = new string[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            keys[i] = headers[columns[i]];
        }

        return (keys, columns);
    }
}
