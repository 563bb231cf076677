using System.Runtime.CompilerServices;
using System.Text.Json;
using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>
/// Streams the elements of a JSON file whose top level is an array (InputType JSON), holding at most one element
/// plus one read buffer in memory: a <see cref="Utf8JsonReader"/> finds each element's bytes, which are parsed alone.
/// </summary>
internal static class JsonArrayItems
{
    /// <summary>AWS's cause when the file is valid JSON but not an array.</summary>
    public const string NotIterable = "Attempting to map over non-iterable node.";

    public static async IAsyncEnumerable<JsonValue> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var window = new ReadWindow();
        var items = new List<JsonValue>();
        var scan = new ScanState();
        while (!scan.Done)
        {
            if (!window.Final)
            {
                await window.FillAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            items.Clear();
            window.Consume(Scan(window.Data, window.Final, ref scan, items));
            for (int i = 0; i < items.Count; i++)
            {
                yield return items[i];
            }

            // The reader throws on a final block that ends early; this guard only keeps a surprise from looping forever.
            if (window.Final && !scan.Done)
            {
                throw new ItemReaderFailedException("The file is not valid JSON: it ends inside the array.");
            }
        }
    }

    /// <summary>Parses the complete elements in <paramref name="data"/>; returns the bytes consumed (up to the last complete element).</summary>
    private static int Scan(ReadOnlySpan<byte> data, bool final, ref ScanState scan, List<JsonValue> items)
    {
        var reader = new Utf8JsonReader(data, final, scan.Reader);
        int consumed = 0;
        try
        {
            while (reader.Read())
            {
                if (!scan.InArray)
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new ItemReaderFailedException(NotIterable);
                    }

                    scan.InArray = true;
                }
                else if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0)
                {
                    scan.Done = true;
                }
                else
                {
                    int elementStart = (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    {
                        break;
                    }

                    items.Add(JsonValue.Parse(data[elementStart..(int)reader.BytesConsumed]));
                }

                consumed = (int)reader.BytesConsumed;
                scan.Reader = reader.CurrentState;
                if (scan.Done)
                {
                    break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new ItemReaderFailedException("The file is not valid JSON: " + e.Message, e);
        }

        return consumed;
    }

    private struct ScanState
    {
        public JsonReaderState Reader;
        public bool InArray;
        public bool Done;
    }
}
