using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
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
/// events that carry it refer to it, or, when it is the one before with a field changed, holds only the change (the
/// <see cref="Derived"/> body). Rows of the earlier encodings stay readable: the <see cref="Plain"/> body is, per
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

    /// <summary>A <see cref="SqliteHistoryStepWriter"/> body whose shared parts may derive from the one before (the current encoding).</summary>
    public const int Derived = 4;

    /// <summary>The <see cref="Derived"/> body compressed with Brotli.</summary>
    public const int DerivedBrotli = 5;

    // Below this many bytes compression costs CPU and saves none: a row of up to 1 KB stays in its B-tree page (an
    // insert into a WAL database with synchronous=FULL, 50 rows a transaction, took 20-21 us of CPU for 400 to 1,000
    // bytes), and Brotli quality 0 takes 6-7 us even on 512 bytes. From 2 KB on a row spills to overflow pages (32 us
    // at 2 KB, 46 us at 4 KB) and compressing (10 us for 2 KB, 15 us for a 4 KB 5-Pass step) brings it back under 1 KB;
    // between the two it is a wash, and the smaller file decides.
    internal const int CompressFrom = 1024;

    // Compression still pays once each payload is written once: a 50-Task step's 118 KB body becomes 6 KB (its payloads
    // differ in a field or two), and writing the 118 KB into the WAL cost more CPU than compressing it (3.5 against
    // 4.7 ms per execution, bench/run engine --only task-chain, same machine and minute). Quality 1 makes 4 KB for the
    // same CPU, but quality 0's smaller hash tables are set up faster for the many small steps. The 4 MiB window (2^22)
    // spans a large step.
    private const int Quality = 0;
    private const int Window = 22;

    // Derived parts are put together in memory: a corrupt body cannot make them hold more than an array can.
    private const int MaxArenaBytes = 1 << 30;

    /// <summary>Encodes <paramref name="events"/> (in id order): the body, its uncompressed size and its encoding (<see cref="Derived"/> or <see cref="DerivedBrotli"/>).</summary>
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
                // Only a compressed body shorter than the plain one is kept, so the output has no room for more: a body
                // that does not compress fails early instead of taking the worst-case bound's buffer.
                byte[] compressed = ArrayPool<byte>.Shared.Rent(body.Length - 1);
                try
                {
                    if (BrotliEncoder.TryCompress(body, compressed.AsSpan(0, body.Length - 1), out int written, Quality, Window))
                    {
                        return (compressed.AsSpan(0, written).ToArray(), body.Length, DerivedBrotli);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(compressed);
                }
            }

            return (body.ToArray(), body.Length, Derived);
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
        // A negative size would otherwise escape as the ArgumentOutOfRangeException of the slice or the pool.
        if (size < 0)
        {
            throw Corrupt();
        }

        if (encoding is Plain or Shared or Derived)
        {
            ParseBody(body.AsSpan(0, Math.Min(size, body.Length)), encoding, into);
            return;
        }

        if (encoding is not (Brotli or SharedBrotli or DerivedBrotli))
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

            ParseBody(plain.AsSpan(0, size), encoding - 1, into);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    // A plain body of each encoding: each compressed encoding is its plain one's number plus one.
    private static void ParseBody(ReadOnlySpan<byte> plain, int encoding, List<StoredEvent> into)
    {
        if (encoding == Plain)
        {
            Parse(plain, into);
        }
        else
        {
            ParseShared(plain, derived: encoding == Derived, into);
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

    private static void ParseShared(ReadOnlySpan<byte> body, bool derived, List<StoredEvent> into)
    {
        // Each shared part in the order the parts were defined: a definition lies in the body, a derived part (put
        // together from its base and its middle) in the arena.
        var shared = new List<(bool InArena, int Start, int Length)>();
        int position = 0;
        byte[]? json = null;
        byte[]? arena = null;
        int arenaLength = 0;
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

                Rent(ref json, length, 0);
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
                                shared.Add((false, position, value));
                            }

                            part = body.Slice(position, value);
                            position += value;
                            break;
                        case SqliteHistoryStepWriter.Reference when value < shared.Count:
                            part = SharedPart(body, arena, shared[value]);
                            break;
                        case SqliteHistoryStepWriter.Derived when derived:
                        {
                            int baseIndex = ReadInt32(body, ref position);
                            int prefix = ReadInt32(body, ref position);
                            int suffix = ReadInt32(body, ref position);
                            if ((uint)baseIndex >= (uint)shared.Count || value > body.Length - position)
                            {
                                throw Corrupt();
                            }

                            var whole = shared[baseIndex];
                            if (prefix < 0 || suffix < 0 || prefix > whole.Length - suffix || (long)arenaLength + whole.Length + value > MaxArenaBytes)
                            {
                                throw Corrupt();
                            }

                            // The base may lie in the arena, so it is read again once the arena has room.
                            int start = arenaLength;
                            Rent(ref arena, arenaLength + prefix + value + suffix, arenaLength);
                            var from = SharedPart(body, arena, whole);
                            from[..prefix].CopyTo(arena.AsSpan(start));
                            body.Slice(position, value).CopyTo(arena.AsSpan(start + prefix));
                            from[(from.Length - suffix)..].CopyTo(arena.AsSpan(start + prefix + value));
                            arenaLength += prefix + value + suffix;
                            position += value;
                            shared.Add((true, start, prefix + value + suffix));
                            part = arena.AsSpan(start, prefix + value + suffix);
                            break;
                        }

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

            if (arena is not null)
            {
                ArrayPool<byte>.Shared.Return(arena);
            }
        }
    }

    private static ReadOnlySpan<byte> SharedPart(ReadOnlySpan<byte> body, byte[]? arena, (bool InArena, int Start, int Length) part) =>
        part.InArena ? arena.AsSpan(part.Start, part.Length) : body.Slice(part.Start, part.Length);

    // Makes buffer hold at least length bytes from the pool, keeping its first kept bytes (the writer grows its row so too).
    internal static void Rent([NotNull] ref byte[]? buffer, int length, int kept)
    {
        if (buffer is not null && buffer.Length >= length)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(length, buffer is null ? 0 : buffer.Length * 2));
        if (buffer is not null)
        {
            buffer.AsSpan(0, kept).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = grown;
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
