using System.Globalization;
using System.Runtime.CompilerServices;
using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>Streams a JSON Lines file (InputType JSONL): one JSON value per line; blank lines are skipped.</summary>
internal static class JsonLinesItems
{
    public static async IAsyncEnumerable<JsonValue> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var window = new ReadWindow();
        var items = new List<JsonValue>();
        long line = 0;
        while (!window.Final)
        {
            await window.FillAsync(stream, cancellationToken).ConfigureAwait(false);
            items.Clear();
            window.Consume(Split(window.Data, window.Final, ref line, items));
            for (int i = 0; i < items.Count; i++)
            {
                yield return items[i];
            }
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
