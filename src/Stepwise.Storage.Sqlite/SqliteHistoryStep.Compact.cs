using System.Buffers;
using System.Text;
using Stepwise.Storage.Executions;
using static Stepwise.Storage.Sqlite.SqliteHistoryStepVarint;

namespace Stepwise.Storage.Sqlite;

/// <summary>The reader of the <see cref="Compact"/> body (its format is <see cref="SqliteHistoryStepWriter"/>'s).</summary>
internal static partial class SqliteHistoryStep
{
    private static void ParseCompact(ReadOnlySpan<byte> body, List<StoredEvent> into)
    {
        // The shared parts in the order they were defined (a definition lies in the body, a derived part in the arena);
        // the step's types, each with its last event's literals; every literal read (in the arena), each event's a run.
        var shared = new List<(bool InArena, int Start, int Length)>();
        var types = new List<string>();
        var lastOfType = new List<(int First, int Count)>();
        var literals = new List<(int Start, int Length)>();
        (int First, int Count) lastEvent = (-1, 0);
        byte[]? json = null;
        byte[]? arena = null;
        int arenaLength = 0;
        long id = 0;
        long ticks = 0;
        int position = 0;
        try
        {
            while (position < body.Length)
            {
                id += ReadSigned64(body, ref position);
                ticks += ReadSigned64(body, ref position);
                if ((ulong)ticks > (ulong)DateTimeOffset.MaxValue.UtcTicks)
                {
                    throw Corrupt();
                }

                uint type = Read32(body, ref position);
                (int First, int Count) eventBase;
                if (type == types.Count)
                {
                    uint nameLength = Read32(body, ref position);
                    if (nameLength > (uint)(body.Length - position))
                    {
                        throw Corrupt();
                    }

                    types.Add(Encoding.UTF8.GetString(body.Slice(position, (int)nameLength)));
                    lastOfType.Add((-1, 0));
                    position += (int)nameLength;
                    eventBase = lastEvent;
                }
                else if (type < types.Count)
                {
                    eventBase = lastOfType[(int)type];
                }
                else
                {
                    throw Corrupt();
                }

                int first = literals.Count;
                int written = 0;
                while (true)
                {
                    uint header = Read32(body, ref position);
                    uint value = header >> SqliteHistoryStepWriter.KindBits;
                    int kind = (int)(header & ((1 << SqliteHistoryStepWriter.KindBits) - 1));
                    if (kind == SqliteHistoryStepWriter.End)
                    {
                        break;
                    }

                    switch (kind)
                    {
                        case SqliteHistoryStepWriter.Literal or SqliteHistoryStepWriter.Definition:
                        {
                            if (value > (uint)(body.Length - position))
                            {
                                throw Corrupt();
                            }

                            var part = body.Slice(position, (int)value);
                            if (kind == SqliteHistoryStepWriter.Definition)
                            {
                                shared.Add((false, position, (int)value));
                            }
                            else
                            {
                                literals.Add((Put(part, ref arena, ref arenaLength), part.Length));
                            }

                            position += (int)value;
                            Append(part, ref json, ref written);
                            break;
                        }

                        case SqliteHistoryStepWriter.Reference when value < (uint)shared.Count:
                            Append(SharedPart(body, arena, shared[(int)value]), ref json, ref written);
                            break;
                        case SqliteHistoryStepWriter.Derived:
                        {
                            uint back = Read32(body, ref position);
                            int prefix = (int)Math.Min(Read32(body, ref position), int.MaxValue);
                            int suffix = (int)Math.Min(Read32(body, ref position), int.MaxValue);
                            if (back >= (uint)shared.Count)
                            {
                                throw Corrupt();
                            }

                            var part = Derive(body, ref position, (int)value, shared[shared.Count - 1 - (int)back], prefix, suffix, shared, ref arena, ref arenaLength);
                            Append(part, ref json, ref written);
                            break;
                        }

                        case SqliteHistoryStepWriter.LiteralDelta:
                        {
                            int ordinal = literals.Count - first;
                            if (ordinal >= eventBase.Count)
                            {
                                throw Corrupt();
                            }

                            var (baseStart, baseLength) = literals[eventBase.First + ordinal];
                            int start = written;
                            SqliteHistoryStepDelta.Apply(body, ref position, (int)Math.Min(value, int.MaxValue), arena.AsSpan(baseStart, baseLength), ref json,
                                ref written, MaxArenaBytes);
                            literals.Add((Put(json.AsSpan(start, written - start), ref arena, ref arenaLength), written - start));
                            break;
                        }

                        default:
                            throw Corrupt();
                    }
                }

                into.Add(new StoredEvent(id, types[(int)type], SqliteValues.FromStored(ticks), Encoding.UTF8.GetString(json.AsSpan(0, written))));
                lastEvent = (first, literals.Count - first);
                lastOfType[(int)type] = lastEvent;
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

    // Appends part to the event's JSON; a corrupt body cannot make an event longer than an array can hold.
    private static void Append(ReadOnlySpan<byte> part, ref byte[]? json, ref int written)
    {
        if (part.Length > MaxArenaBytes - written)
        {
            throw Corrupt();
        }

        Rent(ref json, written + part.Length, written);
        part.CopyTo(json.AsSpan(written));
        written += part.Length;
    }

    // Copies bytes to the end of the arena and returns where they start.
    private static int Put(ReadOnlySpan<byte> bytes, ref byte[]? arena, ref int arenaLength)
    {
        if (bytes.Length > MaxArenaBytes - arenaLength)
        {
            throw Corrupt();
        }

        int start = arenaLength;
        Rent(ref arena, arenaLength + bytes.Length, arenaLength);
        bytes.CopyTo(arena.AsSpan(start));
        arenaLength += bytes.Length;
        return start;
    }
}
