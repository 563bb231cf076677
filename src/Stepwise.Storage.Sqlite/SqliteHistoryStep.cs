using System.Buffers;
using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using Stepwise.Storage.Executions;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The history events of one step, stored as one row of <c>history_steps</c>: one insert per step instead of one per
/// event, and one compressed body, so the bytes a commit writes (and fsyncs) shrink with it. A step's events repeat
/// each other (every Pass state's entered and exited events carry the same input), which Brotli folds away.
/// <para>
/// The plain body is, per event, <c>id,ticks,type,length\n</c> followed by <c>length</c> bytes of the event's JSON, all
/// UTF-8. Migration 5 writes one-event rows of this shape from SQL, so the format must stay producible there.
/// </para>
/// </summary>
internal static class SqliteHistoryStep
{
    /// <summary>The body is the plain text.</summary>
    public const int Plain = 0;

    /// <summary>The body is the plain text compressed with Brotli.</summary>
    public const int Brotli = 1;

    // Below this many bytes compression saves too little to be worth the calls.
    private const int CompressFrom = 512;

    // Quality 0 still folds the repeated inputs of a step (its matcher finds whole repeated payloads) and costs a fifth of
    // quality 1, whose larger hash tables are set up per call (a 50-Task step: 0.46 ms against 2.5 ms, 4.7 KB against
    // 3.3 KB). The 4 MiB window (2^22) spans a large step.
    private const int Quality = 0;
    private const int Window = 22;

    /// <summary>Encodes <paramref name="events"/> (in id order): the body, its <see cref="Plain"/> size and its encoding.</summary>
    public static (byte[] Body, int Size, int Encoding) Encode(IReadOnlyList<StoredEvent> events)
    {
        int capacity = 0;
        foreach (var e in events)
        {
            // id, ticks and the length take at most 20 digits each, plus the separators.
            capacity += 64 + Encoding.UTF8.GetMaxByteCount(e.Type.Length) + Encoding.UTF8.GetMaxByteCount(e.Json.Length);
        }

        byte[] plain = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            int size = 0;
            foreach (var e in events)
            {
                size += WriteHeaderStart(plain.AsSpan(size), e.Id, e.Timestamp.UtcTicks);
                size += Encoding.UTF8.GetBytes(e.Type, plain.AsSpan(size));
                plain[size++] = (byte)',';
                int json = Encoding.UTF8.GetByteCount(e.Json);
                Utf8Formatter.TryFormat(json, plain.AsSpan(size), out int digits);
                size += digits;
                plain[size++] = (byte)'\n';
                size += Encoding.UTF8.GetBytes(e.Json, plain.AsSpan(size));
            }

            if (size >= CompressFrom)
            {
                byte[] compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(size));
                try
                {
                    if (BrotliEncoder.TryCompress(plain.AsSpan(0, size), compressed, out int written, Quality, Window) && written < size)
                    {
                        return (compressed.AsSpan(0, written).ToArray(), size, Brotli);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(compressed);
                }
            }

            return (plain.AsSpan(0, size).ToArray(), size, Plain);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    /// <summary>Decodes a body written by <see cref="Encode"/> (or by migration 5), adding its events to <paramref name="into"/> in id order.</summary>
    /// <exception cref="StorageException">The body is corrupt.</exception>
    public static void Decode(byte[] body, int size, int encoding, List<StoredEvent> into)
    {
        if (encoding == Plain)
        {
            Parse(body.AsSpan(0, Math.Min(size, body.Length)), into);
            return;
        }

        if (encoding != Brotli)
        {
            throw Corrupt();
        }

        byte[] plain = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            if (!BrotliDecoder.TryDecompress(body, plain.AsSpan(0, size), out int written) || written != size)
            {
                throw Corrupt();
            }

            Parse(plain.AsSpan(0, size), into);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    private static int WriteHeaderStart(Span<byte> destination, long id, long ticks)
    {
        Utf8Formatter.TryFormat(id, destination, out int written);
        destination[written++] = (byte)',';
        Utf8Formatter.TryFormat(ticks, destination[written..], out int ticksWritten);
        written += ticksWritten;
        destination[written++] = (byte)',';
        return written;
    }

    private static void Parse(ReadOnlySpan<byte> plain, List<StoredEvent> into)
    {
        while (!plain.IsEmpty)
        {
            int end = plain.IndexOf((byte)'\n');
            if (end < 0)
            {
                throw Corrupt();
            }

            var header = plain[..end];
            if (!Utf8Parser.TryParse(header, out long id, out int used) || header[used] != (byte)',')
            {
                throw Corrupt();
            }

            header = header[(used + 1)..];
            if (!Utf8Parser.TryParse(header, out long ticks, out used) || header[used] != (byte)',')
            {
                throw Corrupt();
            }

            header = header[(used + 1)..];
            int comma = header.LastIndexOf((byte)',');
            if (comma < 0 || !Utf8Parser.TryParse(header[(comma + 1)..], out int length, out used) || used != header.Length - comma - 1
                || length < 0 || length > plain.Length - end - 1)
            {
                throw Corrupt();
            }

            string type = Encoding.UTF8.GetString(header[..comma]);
            string json = Encoding.UTF8.GetString(plain.Slice(end + 1, length));
            into.Add(new StoredEvent(id, type, SqliteValues.FromStored(ticks), json));
            plain = plain[(end + 1 + length)..];
        }
    }

    private static StorageException Corrupt() => new("A stored history step is corrupt.");
}
