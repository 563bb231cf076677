using System.Globalization;
using System.Text;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Sqlite;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>The compact step body: read as its format says, written several times smaller than its events' texts, and every corrupt field refused.</summary>
public sealed class SqliteHistoryStepCompactTests
{
    [Fact]
    public void A_hand_written_compact_body_reads_back_as_its_format_describes()
    {
        var body = new CompactBody()
            // Event 5, a new type: a literal with non-ASCII text, a shared part, a literal.
            .Event(5, At(5).UtcTicks, 0, "TaskStateEntered").Literal("{\"id\":5,\"Zoë 𝄞\":").Definition("\"abcd\"").Literal("}").End()
            // Event 6, the same type: its literals changed from event 5's, the shared part referred to.
            .Event(1, 0, 0).Delta((6, 1, "6"), (13, 0, "")).Reference(0).Delta((1, 0, "")).End()
            // Event 7, a new type: its first literal changed from event 6's (the event before), a derived part.
            .Event(1, -1000, 1, "TaskStateExited").Delta((6, 14, "7,\"q\":")).Derived(0, 2, 2, "xyz").Literal("}").End()
            .ToArray();

        var back = Decode(body, body.Length, SqliteHistoryStep.Compact);

        Assert.Equal(
            [
                new StoredEvent(5, "TaskStateEntered", At(5), "{\"id\":5,\"Zoë 𝄞\":\"abcd\"}"),
                new StoredEvent(6, "TaskStateEntered", At(5), "{\"id\":6,\"Zoë 𝄞\":\"abcd\"}"),
                new StoredEvent(7, "TaskStateExited", At(5).AddTicks(-1000), "{\"id\":7,\"q\":\"axyzd\"}"),
            ],
            back);
    }

    [Fact]
    public void A_step_of_events_alike_is_stored_several_times_smaller_than_their_texts_and_reads_back_exactly()
    {
        // Ids cross 9, 99 and 999, so the changes are of other lengths than what they replace; names and payloads hold
        // non-ASCII text whose UTF-8 sequences share their first byte (é and è), so a change may split a sequence.
        var events = new List<StoredEvent>();
        string[] types = ["TaskStateEntered", "TaskScheduled", "TaskSucceeded", "TaskStateExited"];
        for (int id = 1; id <= 1200; id++)
        {
            string type = types[id % types.Length];
            string name = (id / 4 % 2 == 0 ? "Étape é" : "Étape è") + (id / 4).ToString(CultureInfo.InvariantCulture);
            string json = $$$"""{"timestamp":{{{1763700000 + id / 10}}}.5,"type":"{{{type}}}","id":{{{id}}},"previousEventId":{{{id - 1}}},"details":{"name":"{{{name}}}","input":"{\"a\":\"\\u00e9 \\\"q\\\"\"}"}}""";
            events.Add(new StoredEvent(id, type, At(id / 10), json));
        }

        var (body, size, encoding) = SqliteHistoryStep.Encode(events);
        var back = Decode(body, size, encoding);

        Assert.Equal(events, back);
        int texts = events.Sum(e => Encoding.UTF8.GetByteCount(e.Json));
        Assert.True(size * 4 < texts, $"{size} plain bytes for {texts} bytes of text");
    }

    [Fact]
    public void Events_of_one_type_that_share_nothing_are_stored_whole_and_read_back_exactly()
    {
        var events = new List<StoredEvent>();
        var random = new Random(7);
        for (int id = 1; id <= 50; id++)
        {
            var text = new char[random.Next(0, 200)];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = (char)random.Next(0x20, 0x7F);
            }

            events.Add(new StoredEvent(id, "PassStateEntered", At(id), new string(text)));
        }

        var (body, size, encoding) = SqliteHistoryStep.Encode(events);

        Assert.Equal(events, Decode(body, size, encoding));
    }

    [Theory]
    [MemberData(nameof(CorruptBodies))]
    public void A_corrupt_compact_body_is_a_storage_error(string field, byte[] body)
    {
        var error = Assert.Throws<StorageException>(() => Decode(body, body.Length, SqliteHistoryStep.Compact));

        Assert.True(error.Message == "A stored history step is corrupt.", field);
    }

    public static TheoryData<string, byte[]> CorruptBodies()
    {
        static CompactBody Start() => new CompactBody().Event(1, At(1).UtcTicks, 0, "T").Literal("{\"a\":1}").End();
        return new TheoryData<string, byte[]>
        {
            { "an id cut short", [0x80] },
            { "an id of more than 64 bits", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F] },
            { "an id of more than ten bytes", [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00] },
            { "ticks cut short", new CompactBody().Raw(2).Raw(0x80).ToArray() },
            { "ticks before the first instant", new CompactBody().Event(1, -1, 0, "T").Literal("{}").End().ToArray() },
            { "ticks past the last instant", new CompactBody().Event(1, DateTimeOffset.MaxValue.UtcTicks + 1, 0, "T").Literal("{}").End().ToArray() },
            { "a type past the table", new CompactBody().Event(1, 0, 1).Literal("{}").End().ToArray() },
            { "a type name past the body", new CompactBody().Event(1, 0, 0).Varint(10).Raw((byte)'T').ToArray() },
            { "a part header of more than 32 bits", Start().Event(1, 0, 0).Raw(0xFF, 0xFF, 0xFF, 0xFF, 0x7F).ToArray() },
            { "a part of an unknown kind", Start().Event(1, 0, 0).Varint(6).End().ToArray() },
            { "a part of the other unknown kind", Start().Event(1, 0, 0).Varint(7).End().ToArray() },
            { "an event without its end", Start().Event(1, 0, 0).Literal("{}").ToArray() },
            { "a literal past the body", Start().Event(1, 0, 0).Varint(100 << 3).Raw((byte)'{').ToArray() },
            { "a definition past the body", Start().Event(1, 0, 0).Varint((100 << 3) | 1).Raw((byte)'{').ToArray() },
            { "a reference to a part not defined", Start().Event(1, 0, 0).Reference(0).End().ToArray() },
            { "a derived part whose base is not defined", Start().Event(1, 0, 0).Definition("\"ab\"").Derived(1, 1, 1, "x").End().ToArray() },
            { "a derived part whose ends overlap in its base", Start().Event(1, 0, 0).Definition("\"ab\"").Derived(0, 3, 2, "x").End().ToArray() },
            { "a derived part whose middle is past the body", Start().Event(1, 0, 0).Definition("\"ab\"").Varint((100 << 3) | 3).Varint(0).Varint(1).Varint(1).ToArray() },
            { "a change in the first event", new CompactBody().Event(1, 0, 0, "T").Delta((0, 0, "x")).End().ToArray() },
            { "a change in place of a literal its base lacks", Start().Event(1, 0, 0).Delta((7, 0, "")).Delta((0, 0, "x")).End().ToArray() },
            { "a change copying past its base", Start().Event(1, 0, 0).Delta((8, 0, "")).End().ToArray() },
            { "a change skipping past its base", Start().Event(1, 0, 0).Delta((1, 7, "")).End().ToArray() },
            { "a change inserting past the body", Start().Event(1, 0, 0).Varint((1 << 3) | 4).Varint(7).Varint(0).Varint(50).Raw((byte)'x').ToArray() },
            { "a change leaving some of its base unused", Start().Event(1, 0, 0).Delta((6, 0, "")).End().ToArray() },
            { "a change of more operations than the body holds", Start().Event(1, 0, 0).Varint((1000u << 3) | 4).Varint(7).Varint(0).Varint(0).ToArray() },
        };
    }

    private static List<StoredEvent> Decode(byte[] body, int size, int encoding)
    {
        var events = new List<StoredEvent>();
        SqliteHistoryStep.Decode(body, size, encoding, events);
        return events;
    }

    /// <summary>Writes a compact step body by hand, as the format describes it, so that the reader is checked against the format rather than the writer.</summary>
    private sealed class CompactBody
    {
        private readonly List<byte> _bytes = [];

        /// <summary>An event's header: its id and ticks as changes from the event before, its type's index and, for a new type, its name.</summary>
        public CompactBody Event(long idChange, long ticksChange, uint type, string? newType = null)
        {
            Varint((ulong)((idChange << 1) ^ (idChange >> 63)));
            Varint((ulong)((ticksChange << 1) ^ (ticksChange >> 63)));
            Varint(type);
            if (newType is not null)
            {
                byte[] name = Encoding.UTF8.GetBytes(newType);
                Varint((ulong)name.Length);
                _bytes.AddRange(name);
            }

            return this;
        }

        public CompactBody Literal(string text) => Part(SqliteHistoryStepWriter.Literal, text);

        public CompactBody Definition(string text) => Part(SqliteHistoryStepWriter.Definition, text);

        public CompactBody Reference(int index) => Varint(((ulong)index << 3) | SqliteHistoryStepWriter.Reference);

        public CompactBody Derived(int back, int prefix, int suffix, string middle)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(middle);
            Varint(((ulong)bytes.Length << 3) | SqliteHistoryStepWriter.Derived);
            Varint((ulong)back);
            Varint((ulong)prefix);
            Varint((ulong)suffix);
            _bytes.AddRange(bytes);
            return this;
        }

        /// <summary>A literal as its change from its base: each operation copies, skips and inserts.</summary>
        public CompactBody Delta(params (int Copy, int Skip, string Insert)[] operations)
        {
            Varint(((ulong)operations.Length << 3) | SqliteHistoryStepWriter.LiteralDelta);
            foreach (var (copy, skip, insert) in operations)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(insert);
                Varint((ulong)copy);
                Varint((ulong)skip);
                Varint((ulong)bytes.Length);
                _bytes.AddRange(bytes);
            }

            return this;
        }

        public CompactBody End() => Varint(SqliteHistoryStepWriter.End);

        public CompactBody Raw(params byte[] bytes)
        {
            _bytes.AddRange(bytes);
            return this;
        }

        public CompactBody Varint(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }

            _bytes.Add((byte)value);
            return this;
        }

        public byte[] ToArray() => [.. _bytes];

        private CompactBody Part(int kind, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Varint(((ulong)bytes.Length << 3) | (uint)kind);
            _bytes.AddRange(bytes);
            return this;
        }
    }
}
