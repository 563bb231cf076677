using System.Buffers;
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
    private const int InitialBuffer = 1 << 16;

    /// <summary>AWS's cause when the file is valid JSON but not an array.</summary>
    public const string NotIterable = "Attempting to map over non-iterable node.";

    public static async IAsyncEnumerable<JsonValue> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var items = new List<JsonValue>();
        var scan = new ScanState();
        int start = 0;
        int end = 0;
        bool final = false;
        try
        {
            while (!scan.Done)
            {
                if (!final)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    if (end == buffer.Length)
                    {
                        // One element is larger than the buffer: grow to hold it whole.
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    final = read == 0;
                    end += read;
                }

                items.Clear();
                start += Scan(buffer.AsSpan(start, end - start), final, ref scan, items);
                for (int i = 0; i < items.Count; i++)
                {
                    yield return items[i];
                }

                if (final && !scan.Done)
                {
                    throw new ItemReaderFailedException(scan.InArray ? "The JSON array in the file is not terminated." : NotIterable);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
