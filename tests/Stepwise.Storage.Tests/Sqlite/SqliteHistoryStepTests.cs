using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Sqlite;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>A step's history row: every encoding reads back exactly, and the writer keeps a payload's change rather than the payload.</summary>
public sealed class SqliteHistoryStepTests
{
    private static readonly string Payload = "\"" + new string('a', 300) + "X" + new string('b', 300) + "\"";

    [Fact]
    public void A_payload_that_changes_a_field_of_the_one_before_is_stored_as_the_change_and_reads_back_whole()
    {
        string changed = Payload.Replace("X", "YY", StringComparison.Ordinal);
        string changedAgain = changed.Replace("YY", "Z", StringComparison.Ordinal);
        var texts = new[]
        {
            new DerivedEventText(1, Payload),
            new DerivedEventText(2, changed, 301, 301),
            // Derived from a derived part.
            new DerivedEventText(3, changedAgain, 301, 301),
        };
        var events = texts.Select((t, i) => new StoredEvent(i + 1, "TaskStateEntered", At(i + 1), t)).ToList();

        var (body, size, encoding) = SqliteHistoryStep.Encode(events);
        var back = Decode(body, size, encoding);

        Assert.Contains(encoding, new[] { SqliteHistoryStep.Derived, SqliteHistoryStep.DerivedBrotli });
        // The first payload whole and two changes of a few bytes.
        Assert.InRange(size, Payload.Length, Payload.Length + 300);
        Assert.Equal(texts.Select(t => t.ToJson()), back.Select(e => e.Json));
        Assert.Equal(events.Select(e => (e.Id, e.Type, e.Timestamp)), back.Select(e => (e.Id, e.Type, e.Timestamp)));
    }

    [Fact]
    public void Deriving_before_the_step_defines_a_part_is_a_caller_error()
    {
        var events = new[] { new StoredEvent(1, "TaskStateEntered", At(1), new DerivedEventText(1, Payload, 1, 1)) };

        Assert.Throws<InvalidOperationException>(() => SqliteHistoryStep.Encode(events));
    }

    [Fact]
    public void A_derived_part_whose_ends_overlap_in_its_base_is_refused()
    {
        var events = new[]
        {
            new StoredEvent(1, "TaskStateEntered", At(1), new DerivedEventText(1, Payload)),
            new StoredEvent(2, "TaskStateEntered", At(2), new DerivedEventText(2, Payload, 400, 300)),
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => SqliteHistoryStep.Encode(events));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_part_derived_from_a_shared_part_left_open_derives_from_that_part_and_reads_back_whole(bool earlierPart)
    {
        // The open part is longer than the earlier one, so its prefix and suffix do not fit the earlier one.
        var events = new List<StoredEvent>();
        if (earlierPart)
        {
            events.Add(new StoredEvent(1, "TaskStateEntered", At(1), new DerivedEventText(1, "\"ab\"")));
        }

        var text = new UnendedSharedEventText("\"0123456789\"", "\"01xy89\"", 3, 3);
        events.Add(new StoredEvent(2, "TaskStateExited", At(2), text));

        var (body, size, encoding) = SqliteHistoryStep.Encode(events);
        var back = Decode(body, size, encoding);

        Assert.Equal(events.Select(e => e.Json), back.Select(e => e.Json));
        Assert.Equal("{\"p\":\"0123456789\"\"01xy89\"}", back[^1].Json);
    }

    [Fact]
    public void A_part_derived_from_a_shared_part_left_open_is_refused_when_its_ends_do_not_fit_that_part()
    {
        // The earlier part is long enough for the ends, the open part is not.
        var events = new[]
        {
            new StoredEvent(1, "TaskStateEntered", At(1), new DerivedEventText(1, "\"0123456789\"")),
            new StoredEvent(2, "TaskStateExited", At(2), new UnendedSharedEventText("\"ab\"", "\"01xy89\"", 3, 3)),
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => SqliteHistoryStep.Encode(events));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Steps_stored_before_parts_could_derive_read_back_exactly(bool compressed)
    {
        // The body encodings 2 and 3 hold: a payload defined once, then referred to.
        string payload = "\"Zoë ☃ 𝄞 \\\"q\\\"\"";
        var body = new BodyBuilder()
            .Event(1, "ExecutionStarted", 3).Part(SqliteHistoryStepWriter.Literal, "{\"input\":").Part(SqliteHistoryStepWriter.Definition, payload).Part(SqliteHistoryStepWriter.Literal, "}")
            .Event(2, "PassStateEntered", 3).Part(SqliteHistoryStepWriter.Literal, "{\"input\":").Reference(0, Encoding.UTF8.GetByteCount(payload)).Part(SqliteHistoryStepWriter.Literal, "}")
            .ToArray();
        int encoding = compressed ? SqliteHistoryStep.SharedBrotli : SqliteHistoryStep.Shared;

        var back = Decode(compressed ? Compress(body) : body, body.Length, encoding);

        Assert.Equal(
            [new StoredEvent(1, "ExecutionStarted", At(1), "{\"input\":" + payload + "}"), new StoredEvent(2, "PassStateEntered", At(2), "{\"input\":" + payload + "}")],
            back);
    }

    [Theory]
    [InlineData(SqliteHistoryStep.Derived, 1, 2, 2)]
    [InlineData(SqliteHistoryStep.Derived, 0, 5, 2)]
    [InlineData(SqliteHistoryStep.Derived, 0, -1, 2)]
    [InlineData(SqliteHistoryStep.Shared, 0, 2, 2)]
    public void A_corrupt_derived_part_is_a_storage_error(int encoding, int baseIndex, int prefix, int suffix)
    {
        var body = new BodyBuilder()
            .Event(1, "TaskStateEntered", 1).Part(SqliteHistoryStepWriter.Definition, "\"abcd\"")
            .Event(2, "TaskStateEntered", 1).Derived(baseIndex, prefix, suffix, "x")
            .ToArray();

        var error = Assert.Throws<StorageException>(() => Decode(body, body.Length, encoding));

        Assert.Equal("A stored history step is corrupt.", error.Message);
    }

    [Theory]
    [InlineData(SqliteHistoryStep.Plain)]
    [InlineData(SqliteHistoryStep.Brotli)]
    [InlineData(SqliteHistoryStep.Shared)]
    [InlineData(SqliteHistoryStep.SharedBrotli)]
    [InlineData(SqliteHistoryStep.Derived)]
    [InlineData(SqliteHistoryStep.DerivedBrotli)]
    public void A_negative_stored_size_is_a_storage_error(int encoding)
    {
        var (body, _, _) = SqliteHistoryStep.Encode([new StoredEvent(1, "TaskStateEntered", At(1), "{}")]);

        var error = Assert.Throws<StorageException>(() => Decode(body, -1, encoding));

        Assert.Equal("A stored history step is corrupt.", error.Message);
    }

    [Fact]
    public void A_hand_written_derived_part_reads_back_as_its_base_with_the_middle_replaced()
    {
        var body = new BodyBuilder()
            .Event(1, "TaskStateEntered", 1).Part(SqliteHistoryStepWriter.Definition, "\"abcd\"")
            .Event(2, "TaskStateEntered", 1).Derived(0, 2, 2, "xyz")
            .ToArray();

        var back = Decode(body, body.Length, SqliteHistoryStep.Derived);

        Assert.Equal(["\"abcd\"", "\"axyzd\""], back.Select(e => e.Json));
    }

    [Theory]
    [InlineData(-1, SqliteHistoryStep.Derived)]
    [InlineData(0, SqliteHistoryStep.DerivedBrotli)]
    public void A_step_body_is_compressed_from_the_threshold_on(int fromThreshold, int expected)
    {
        // One event whose JSON is a plain literal: the body is its 32 header bytes, its type and its JSON.
        int length = SqliteHistoryStep.CompressFrom + fromThreshold - 32 - 1;
        var events = new[] { new StoredEvent(1, "T", At(1), "\"" + new string('a', length - 2) + "\"") };

        var (body, size, encoding) = SqliteHistoryStep.Encode(events);

        Assert.Equal((SqliteHistoryStep.CompressFrom + fromThreshold, expected), (size, encoding));
        Assert.Equal(events, Decode(body, size, encoding));
    }

    private static List<StoredEvent> Decode(byte[] body, int size, int encoding)
    {
        var events = new List<StoredEvent>();
        SqliteHistoryStep.Decode(body, size, encoding, events);
        return events;
    }

    private static byte[] Compress(byte[] plain)
    {
        byte[] compressed = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        Assert.True(BrotliEncoder.TryCompress(plain, compressed, out int written, 0, 22));
        return compressed[..written];
    }

    /// <summary>
    /// An event text <c>{"p":&lt;open&gt;&lt;derived&gt;}</c> that begins a shared part and, without ending it, begins a
    /// part derived from the step's last shared part: the first <paramref name="prefixLength"/> and last
    /// <paramref name="suffixLength"/> bytes of <paramref name="derived"/> (ASCII) are taken from there.
    /// </summary>
    private sealed class UnendedSharedEventText(string open, string derived, int prefixLength, int suffixLength) : IStoredEventText
    {
        public string ToJson() => "{\"p\":" + open + derived + "}";

        public void WriteTo(IHistoryStepWriter destination)
        {
            destination.Write("{\"p\":"u8);
            destination.BeginShared(open);
            destination.Write(Encoding.UTF8.GetBytes(open));
            destination.BeginDerived(derived, prefixLength, suffixLength);
            destination.Write(Encoding.UTF8.GetBytes(derived[prefixLength..^suffixLength]));
            destination.EndShared();
            destination.Write("}"u8);
        }
    }

    /// <summary>Writes a step body by hand, as the format describes it, so that the reader is checked against the format rather than the writer.</summary>
    private sealed class BodyBuilder
    {
        private readonly List<byte> _bytes = [];
        private int _eventLengthAt = -1;

        public BodyBuilder Event(long id, string type, int parts)
        {
            Int64(id);
            Int64(At(id).UtcTicks);
            byte[] name = Encoding.UTF8.GetBytes(type);
            Int32(name.Length);
            _bytes.AddRange(name);
            _eventLengthAt = _bytes.Count;
            Int32(0);
            Int32(parts);
            return this;
        }

        public BodyBuilder Part(int kind, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Int32((bytes.Length << 2) | kind);
            _bytes.AddRange(bytes);
            AddToEvent(bytes.Length);
            return this;
        }

        public BodyBuilder Reference(int index, int length)
        {
            Int32((index << 2) | SqliteHistoryStepWriter.Reference);
            AddToEvent(length);
            return this;
        }

        public BodyBuilder Derived(int baseIndex, int prefix, int suffix, string middle)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(middle);
            Int32((bytes.Length << 2) | SqliteHistoryStepWriter.Derived);
            Int32(baseIndex);
            Int32(prefix);
            Int32(suffix);
            _bytes.AddRange(bytes);
            AddToEvent(Math.Max(0, prefix) + bytes.Length + Math.Max(0, suffix));
            return this;
        }

        public byte[] ToArray() => [.. _bytes];

        private void AddToEvent(int length)
        {
            var bytes = _bytes.ToArray().AsSpan(_eventLengthAt);
            int total = BinaryPrimitives.ReadInt32LittleEndian(bytes) + length;
            BinaryPrimitives.WriteInt32LittleEndian(bytes, total);
            for (int i = 0; i < 4; i++)
            {
                _bytes[_eventLengthAt + i] = bytes[i];
            }
        }

        private void Int32(int value)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            _bytes.AddRange(bytes);
        }

        private void Int64(long value)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            _bytes.AddRange(bytes);
        }
    }
}
