using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
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

    public string ToJson() => historyEvent.ToAwsJson().ToJsonString(JsonLayout.Compact);

    /// <summary>
    /// Writes what <see cref="HistoryEvent.ToAwsJson"/> holds, member by member in its order, without building that
    /// object: it was the largest allocation left per event.
    /// </summary>
    public void WriteTo(IHistoryStepWriter destination)
    {
        destination.Write("{\"timestamp\":"u8);
        JsonUtf8Writer.Write(historyEvent.AwsTimestamp, destination);
        destination.Write(",\"type\":"u8);
        JsonUtf8Writer.WriteString(historyEvent.Type, destination);
        WriteMember(",\"id\":"u8, historyEvent.Id, destination);
        WriteMember(",\"previousEventId\":"u8, historyEvent.PreviousEventId, destination);
        if (historyEvent.DetailsName is { } name && historyEvent.Details is { } details)
        {
            JsonUtf8Writer.WritePropertyName(name, comma: true, destination);
            WriteDetails(details, destination);
        }

        destination.Write("}"u8);
    }

    // The member's name (with its comma and colon) and its integer value, in one span.
    private static void WriteMember(ReadOnlySpan<byte> name, long value, IHistoryStepWriter destination)
    {
        var span = destination.GetSpan(name.Length + 20);
        name.CopyTo(span);
        Utf8Formatter.TryFormat(value, span[name.Length..], out int written);
        destination.Advance(name.Length + written);
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
}
