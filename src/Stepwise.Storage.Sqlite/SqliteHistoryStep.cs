using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using Stepwise.Storage.Executions;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The history events of one step, stored as one row of <c>history_steps</c>: one insert per step instead of one per
/// event, and one body, so the bytes a commit writes (and fsyncs) shrink with it.
/// <para>
/// A step's events repeat each other's payloads (a 50-Task step carries each 1 KB payload in four events), so the
/// <see cref="Shared"/> body (<see cref="SqliteHistoryStepWriter"/>) writes each payload once, as UTF-8, and lets the
/// events that carry it refer to it. Rows of the earlier encodings stay readable: the <see cref="Plain"/> body is, per
/// event, <c>id,ticks,type,length\n</c> followed by <c>length</c> bytes of the event's JSON, all UTF-8 (migration 5
/// writes one-event rows of this shape from SQL), and <see cref="Brotli"/> is that body compressed.
/// </para>
/// </summary>
internal static class SqliteHistoryStep
{
    /// <summary>The body is the plain text (migration 5 and the first rows of migrations 5 to 7).</summary>
    public const int Plain = 0;

    /// <summary>The body is the plain text compressed with Brotli (rows of migrations 5 to 7).</summary>
    public const int Brotli = 1;

    /// <summary>The body is a <see cref="SqliteHistoryStepWriter"/> body, each shared payload once.</summary>
    public const int Shared = 2;

    /// <summary>The <see cref="Shared"/> body compressed with Brotli.</summary>
    public const int SharedBrotli = 3;

    // Below this many bytes compression saves too little to be worth the calls.
    private const int CompressFrom = 512;

    // Compression still pays once each payload is written once: a 50-Task step's 118 KB body becomes 6 KB (its payloads
    // differ in a field or two), and writing the 118 KB into the WAL cost more CPU than compressing it (3.5 against
    // 4.7 ms per execution, bench/run engine --only task-chain, same machine and minute). Quality 1 makes 4 KB for the
    // same CPU, but quality 0's smaller hash tables are set up faster for the many small steps. The 4 MiB window (2^22)
    // spans a large step.
    private const int Quality = 0;
    private const int Window = 22;

    /// <summary>Encodes <paramref name="events"/> (in id order): the body, its uncompressed size and its encoding (<see cref="Shared"/> or <see cref="SharedBrotli"/>).</summary>
    public static (byte[] Body, int Size, int Encoding) Encode(IReadOnlyList<StoredEvent> events)
    {
        var writer = SqliteHistoryStepWriter.Rent();
        try
        {
            for (int i = 0; i < events.Count; i++)
            {
                writer.Write(events[i]);
            }

            var body = writer.Body;
            if (body.Length >= CompressFrom)
            {
                byte[] compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(body.Length));
                try
                {
                    if (BrotliEncoder.TryCompress(body, compressed, out int written, Quality, Window) && written < body.Length)
                    {
                        return (compressed.AsSpan(0, written).ToArray(), body.Length, SharedBrotli);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(compressed);
                }
            }

            return (body.ToArray(), body.Length, Shared);
        }
        finally
        {
            writer.Release();
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

        if (encoding == Shared)
        {
            ParseShared(body.AsSpan(0, Math.Min(size, body.Length)), into);
            return;
        }

        if (encoding is not (Brotli or SharedBrotli))
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

            if (encoding == Brotli)
            {
                Parse(plain.AsSpan(0, size), into);
            }
            else
            {
                ParseShared(plain.AsSpan(0, size), into);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
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

    private static void ParseShared(ReadOnlySpan<byte> body, List<StoredEvent> into)
    {
        // Where each shared part lies in the body, in the order the parts were defined.
        var shared = new List<Range>();
        int position = 0;
        byte[]? json = null;
        try
        {
            while (position < body.Length)
            {
                long id = ReadInt64(body, ref position);
                long ticks = ReadInt64(body, ref position);
                int typeLength = ReadInt32(body, ref position);
                if (typeLength < 0 || typeLength > body.Length - position)
                {
                    throw Corrupt();
                }

                string type = Encoding.UTF8.GetString(body.Slice(position, typeLength));
                position += typeLength;
                int length = ReadInt32(body, ref position);
                int parts = ReadInt32(body, ref position);
                if (length < 0 || parts < 0)
                {
                    throw Corrupt();
                }

                if (json is null || json.Length < length)
                {
                    if (json is not null)
                    {
                        ArrayPool<byte>.Shared.Return(json);
                    }

                    json = ArrayPool<byte>.Shared.Rent(length);
                }

                int written = 0;
                for (int i = 0; i < parts; i++)
                {
                    int header = ReadInt32(body, ref position);
                    int value = (int)((uint)header >> 2);
                    ReadOnlySpan<byte> part;
                    switch (header & 3)
                    {
                        case SqliteHistoryStepWriter.Literal or SqliteHistoryStepWriter.Definition:
                            if (value > body.Length - position)
                            {
                                throw Corrupt();
                            }

                            if ((header & 3) == SqliteHistoryStepWriter.Definition)
                            {
                                shared.Add(new Range(position, position + value));
                            }

                            part = body.Slice(position, value);
                            position += value;
                            break;
                        case SqliteHistoryStepWriter.Reference when value < shared.Count:
                            part = body[shared[value]];
                            break;
                        default:
                            throw Corrupt();
                    }

                    if (part.Length > length - written)
                    {
                        throw Corrupt();
                    }

                    part.CopyTo(json.AsSpan(written));
                    written += part.Length;
                }

                if (written != length)
                {
                    throw Corrupt();
                }

                into.Add(new StoredEvent(id, type, SqliteValues.FromStored(ticks), Encoding.UTF8.GetString(json, 0, length)));
            }
        }
        finally
        {
            if (json is not null)
            {
                ArrayPool<byte>.Shared.Return(json);
            }
        }
    }

    private static long ReadInt64(ReadOnlySpan<byte> body, ref int position)
    {
        if (body.Length - position < 8)
        {
            throw Corrupt();
        }

        long value = BinaryPrimitives.ReadInt64LittleEndian(body[position..]);
        position += 8;
        return value;
    }

    private static int ReadInt32(ReadOnlySpan<byte> body, ref int position)
    {
        if (body.Length - position < 4)
        {
            throw Corrupt();
        }

        int value = BinaryPrimitives.ReadInt32LittleEndian(body[position..]);
        position += 4;
        return value;
    }

    private static StorageException Corrupt() => new("A stored history step is corrupt.");
}
