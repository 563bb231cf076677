using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The stored text of a decided event: its <c>GetExecutionHistory</c> element (<see cref="HistoryEvent.ToAwsJson"/>),
/// written only when the store needs it. Written as UTF-8, each long string of the event's details goes through the
/// step's shared parts: a payload's text is one string instance (its container's cached compact text) in every event
/// that carries it, so the step body holds it once.
/// </summary>
internal sealed class HistoryEventText(HistoryEvent historyEvent) : IStoredEventText
{
    // Shorter strings cost less written again than a shared part's bookkeeping.
    private const int MinSharedLength = 256;

    // A string that shares fewer characters than this with the one before is written whole: the change's header and the
    // ends' measuring would cost about what they spare.
    private const int MinDerivedLength = 64;

    private const int SuffixBlock = 32;

    // The constant text a span of the event holds besides its timestamp and strings (at most 130 bytes: the header's
    // member names, two integers, a shape's opening or closing members), with room to spare.
    private const int MaxFixedBytes = 160;

    // The last timestamp's text on this thread and the instant it spells.
    [ThreadStatic]
    private static byte[]? t_timestamp;

    [ThreadStatic]
    private static long t_timestampTicks;

    public string ToJson() => historyEvent.ToAwsJson().ToJsonString(JsonLayout.Compact);

    /// <summary>
    /// Writes what <see cref="HistoryEvent.ToAwsJson"/> holds, member by member in its order, without building that
    /// object: it was the largest allocation left per event. The details of the common shapes
    /// (<see cref="HistoryEvent.LazyDetails"/>) are written from their parts, the constant text between them as
    /// it is spelled here, so neither their object nor the payload's <see cref="JsonString"/> is built; the text between
    /// two payloads goes into one span of the destination.
    /// </summary>
    public void WriteTo(IHistoryStepWriter destination)
    {
        var e = historyEvent;
        var lazy = e.LazyDetails;
        switch (lazy.Kind)
        {
            case LazyEventDetails.Shape.Entered:
                WriteAround(destination, "{\"input\":"u8, null, default, lazy.Payload!, ",\"inputDetails\":{\"truncated\":false},\"name\":"u8, lazy.Name, "}}"u8);
                return;
            case LazyEventDetails.Shape.Exited:
                WriteAround(destination, "{\"name\":"u8, lazy.Name, ",\"output\":"u8, lazy.Payload!, ",\"outputDetails\":{\"truncated\":false}}}"u8, null, default);
                return;
            case LazyEventDetails.Shape.Scheduled:
                WriteAround(destination, "{\"resource\":"u8, lazy.Name, ",\"input\":"u8, lazy.Payload!, ",\"inputDetails\":{\"truncated\":false}}}"u8, null, default);
                return;
            case LazyEventDetails.Shape.Output:
                WriteAround(destination, "{\"output\":"u8, null, default, lazy.Payload!, ",\"outputDetails\":{\"truncated\":false}}}"u8, null, default);
                return;
            case LazyEventDetails.Shape.Iteration:
            {
                var w = Header(destination, lazy.Name.Length);
                w.Put("{\"index\":"u8);
                w.PutInteger(lazy.Index);
                w.Put(",\"name\":"u8);
                w.PutString(lazy.Name);
                w.Put("}}"u8);
                w.Commit(destination);
                return;
            }

            default:
            {
                bool hasDetails = e.DetailsName is not null && e.Details is not null;
                var w = Header(destination, 0, hasDetails);
                w.Commit(destination);
                if (hasDetails)
                {
                    WriteDetails(e.Details!, destination);
                }

                destination.Write("}"u8);
                return;
            }
        }
    }

    /// <summary>
    /// Writes the event around its one payload: the header and the details' text before the payload (constant text, a
    /// string, constant text) in one span, the payload, then the text after it (the same three) in another.
    /// </summary>
    private void WriteAround(IHistoryStepWriter destination, ReadOnlySpan<byte> open, string? openString, ReadOnlySpan<byte> openEnd,
        JsonValue payload, ReadOnlySpan<byte> close, string? closeString, ReadOnlySpan<byte> closeEnd)
    {
        var w = Header(destination, openString?.Length ?? 0);
        w.Put(open);
        w.PutString(openString);
        w.Put(openEnd);
        w.Commit(destination);
        WritePayload(payload, destination);
        w = new SpanWriter(destination.GetSpan(MaxFixedBytes + JsonUtf8Writer.GetMaxStringByteCount(closeString?.Length ?? 0)));
        w.Put(close);
        w.PutString(closeString);
        w.Put(closeEnd);
        w.Commit(destination);
    }

    /// <summary>
    /// Starts the event in a span of the destination: <c>{"timestamp":..,"type":..,"id":..,"previousEventId":..</c> and,
    /// with details, the details member's name and colon. The span has room for that and for a string of
    /// <paramref name="more"/> characters and the constant text around it.
    /// </summary>
    private SpanWriter Header(IHistoryStepWriter destination, int more, bool details = true)
    {
        var e = historyEvent;
        string? detailsName = details ? e.DetailsName : null;
        var timestamp = TimestampBytes(e);
        var w = new SpanWriter(destination.GetSpan(
            MaxFixedBytes + timestamp.Length + JsonUtf8Writer.GetMaxStringByteCount(e.Type.Length + (detailsName?.Length ?? 0) + more)));
        w.Put("{\"timestamp\":"u8);
        w.Put(timestamp);
        w.Put(",\"type\":"u8);
        w.PutString(e.Type);
        w.Put(",\"id\":"u8);
        w.PutInteger(e.Id);
        w.Put(",\"previousEventId\":"u8);
        w.PutInteger(e.PreviousEventId);
        if (detailsName is not null)
        {
            w.Put(","u8);
            w.PutString(detailsName);
            w.Put(":"u8);
        }

        return w;
    }

    /// <summary>
    /// The timestamp's text: the events of a step share its instant, so the bytes of the last one written on this thread
    /// are kept (<see cref="HistoryEvent.AwsTimestamp"/> spells it).
    /// </summary>
    private static ReadOnlySpan<byte> TimestampBytes(HistoryEvent e)
    {
        long ticks = e.Timestamp.UtcTicks;
        if (t_timestamp is not { } bytes || t_timestampTicks != ticks)
        {
            bytes = Encoding.UTF8.GetBytes(e.AwsTimestamp.ToJsonString());
            t_timestamp = bytes;
            t_timestampTicks = ticks;
        }

        return bytes;
    }

    /// <summary>Writes a payload's compact text as a JSON string, a long one through the step's shared parts.</summary>
    private static void WritePayload(JsonValue payload, IHistoryStepWriter destination)
    {
        string text = payload.ToJsonString();
        if (text.Length >= MinSharedLength)
        {
            WriteShared(text, destination);
        }
        else
        {
            JsonUtf8Writer.WriteString(text, destination);
        }
    }

    /// <summary>Writes the details member by member, each long string through the step's shared parts.</summary>
    private static void WriteDetails(JsonObject details, IHistoryStepWriter destination)
    {
        destination.Write("{"u8);
        var keys = details.Keys;
        var values = details.Values;
        for (int i = 0; i < keys.Length; i++)
        {
            JsonUtf8Writer.WritePropertyName(keys[i], comma: i > 0, destination);
            if (values[i] is JsonString { Value: { Length: >= MinSharedLength } text })
            {
                WriteShared(text, destination);
            }
            else
            {
                JsonUtf8Writer.Write(values[i], destination);
            }
        }

        destination.Write("}"u8);
    }

    /// <summary>Writes a long string once per step: again as a reference, and as a change when it differs from the one before in a field or two.</summary>
    private static void WriteShared(string text, IHistoryStepWriter destination)
    {
        if (destination.TryWriteShared(text))
        {
            return;
        }

        if (destination.LastSharedKey is string previous && TryWriteDerived(text, previous, destination))
        {
            return;
        }

        destination.BeginShared(text);
        JsonUtf8Writer.WriteString(text, destination);
        destination.EndShared();
    }

    /// <summary>
    /// Writes <paramref name="text"/> as the last shared part, <paramref name="previous"/>'s quoted text, with its middle
    /// replaced, when they share enough of a start and an end: a Task's result is usually its input with a field added or
    /// changed, and escaping only the middle spares the rest's escape scan and a body to compress that much longer.
    /// </summary>
    private static bool TryWriteDerived(string text, string previous, IHistoryStepWriter destination)
    {
        var now = text.AsSpan();
        var before = previous.AsSpan();
        int prefix = now.CommonPrefixLength(before);
        // A surrogate pair's UTF-8 is one sequence, so neither end may split one.
        if (prefix > 0 && char.IsHighSurrogate(now[prefix - 1]))
        {
            prefix--;
        }

        int suffix = CommonSuffixLength(now[prefix..], before[prefix..]);
        if (suffix > 0 && char.IsLowSurrogate(now[^suffix]))
        {
            suffix--;
        }

        if (prefix + suffix < MinDerivedLength)
        {
            return false;
        }

        // The ends' escaped lengths: the shorter end is measured, the longer one is what the previous part's length
        // leaves (its quotes included).
        int previousLength = destination.LastSharedLength;
        Debug.Assert(previousLength == JsonUtf8Writer.GetEscapedByteCount(before) + 2);
        int rest = previousLength - JsonUtf8Writer.GetEscapedByteCount(before[prefix..^suffix]);
        int prefixLength;
        int suffixLength;
        if (prefix <= suffix)
        {
            prefixLength = 1 + JsonUtf8Writer.GetEscapedByteCount(before[..prefix]);
            suffixLength = rest - prefixLength;
        }
        else
        {
            suffixLength = 1 + JsonUtf8Writer.GetEscapedByteCount(before[^suffix..]);
            prefixLength = rest - suffixLength;
        }

        destination.BeginDerived(text, prefixLength, suffixLength);
        JsonUtf8Writer.WriteEscaped(now[prefix..^suffix], destination);
        destination.EndShared();
        return true;
    }

    // How many characters two texts end alike with: compared a block at a time from the end, then one by one.
    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int max = Math.Min(a.Length, b.Length);
        int same = 0;
        while (max - same >= SuffixBlock && a.Slice(a.Length - same - SuffixBlock, SuffixBlock).SequenceEqual(b.Slice(b.Length - same - SuffixBlock, SuffixBlock)))
        {
            same += SuffixBlock;
        }

        while (same < max && a[a.Length - same - 1] == b[b.Length - same - 1])
        {
            same++;
        }

        return same;
    }

    /// <summary>Writes into one span of the destination and advances it by what was written.</summary>
    private ref struct SpanWriter
    {
        private readonly Span<byte> _span;
        private int _written;

        public SpanWriter(Span<byte> span) => _span = span;

        public void Put(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_span[_written..]);
            _written += bytes.Length;
        }

        public void PutString(string? text)
        {
            if (text is not null)
            {
                _written += JsonUtf8Writer.WriteString(text, _span[_written..]);
            }
        }

        public void PutInteger(long value)
        {
            Utf8Formatter.TryFormat(value, _span[_written..], out int written);
            _written += written;
        }

        public readonly void Commit(IHistoryStepWriter destination) => destination.Advance(_written);
    }
}
