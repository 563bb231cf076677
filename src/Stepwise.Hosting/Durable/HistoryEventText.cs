using System.Buffers;
using System.Buffers.Text;
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
        destination.Write(",\"id\":"u8);
        WriteInteger(historyEvent.Id, destination);
        destination.Write(",\"previousEventId\":"u8);
        WriteInteger(historyEvent.PreviousEventId, destination);
        if (historyEvent.DetailsName is { } name && historyEvent.Details is { } details)
        {
            destination.Write(","u8);
            JsonUtf8Writer.WriteString(name, destination);
            destination.Write(":"u8);
            WriteDetails(details, destination);
        }

        destination.Write("}"u8);
    }

    private static void WriteInteger(long value, IHistoryStepWriter destination)
    {
        var span = destination.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        destination.Advance(written);
    }

    /// <summary>Writes the details member by member, each long string through the step's shared parts.</summary>
    private static void WriteDetails(JsonObject details, IHistoryStepWriter destination)
    {
        destination.Write("{"u8);
        var keys = details.Keys;
        var values = details.Values;
        for (int i = 0; i < keys.Length; i++)
        {
            if (i > 0)
            {
                destination.Write(","u8);
            }

            JsonUtf8Writer.WriteString(keys[i], destination);
            destination.Write(":"u8);
            if (values[i] is JsonString { Value: { Length: >= MinSharedLength } text })
            {
                if (!destination.TryWriteShared(text))
                {
                    destination.BeginShared(text);
                    JsonUtf8Writer.WriteString(text, destination);
                    destination.EndShared();
                }
            }
            else
            {
                JsonUtf8Writer.Write(values[i], destination);
            }
        }

        destination.Write("}"u8);
    }
}
