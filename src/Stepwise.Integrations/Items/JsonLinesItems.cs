using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>Streams a JSON Lines file (InputType JSONL): one JSON value per line; blank lines are skipped.</summary>
internal static class JsonLinesItems
{
    private const int InitialBuffer = 1 << 16;

    public static async IAsyncEnumerable<JsonValue> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var items = new List<JsonValue>();
        long line = 0;
        int start = 0;
        int end = 0;
        bool final = false;
        try
        {
            while (!final)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                final = read == 0;
                end += read;
                items.Clear();
                start += Split(buffer.AsSpan(start, end - start), final, ref line, items);
                for (int i = 0; i < items.Count; i++)
                {
                    yield return items[i];
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses every complete line of <paramref name="data"/> (the last one too when <paramref name="final"/>); returns the bytes consumed.</summary>
    private static int Split(ReadOnlySpan<byte> data, bool final, ref long line, List<JsonValue> items)
    {
        int consumed = 0;
        while (consumed < data.Length)
        {
            var rest = data[consumed..];
            int newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !final)
            {
                break;
            }

            var text = newline < 0 ? rest : rest[..newline];
            consumed += newline < 0 ? rest.Length : newline + 1;
            line++;
            text = text.Trim(" \t\r"u8);
            if (text.Length == 0)
            {
                continue;
            }

            try
            {
                items.Add(JsonValue.Parse(text));
            }
            catch (JsonParseException e)
            {
                throw new ItemReaderFailedException(
                    string.Create(CultureInfo.InvariantCulture, $"Line {line} of the JSONL file is not valid JSON: {e.Message}"), e);
            }
        }

        return consumed;
    }
}
