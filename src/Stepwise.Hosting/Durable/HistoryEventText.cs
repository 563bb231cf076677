using System.Buffers;
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

    public void WriteTo(IHistoryStepWriter destination) => WriteMembers(historyEvent.ToAwsJson(), destination, nested: false);

    /// <summary>Writes the event object and, one level down, its details object member by member; anything deeper whole.</summary>
    private static void WriteMembers(JsonObject obj, IHistoryStepWriter destination, bool nested)
    {
        destination.Write("{"u8);
        var keys = obj.Keys;
        var values = obj.Values;
        for (int i = 0; i < keys.Length; i++)
        {
            if (i > 0)
            {
                destination.Write(","u8);
            }

            JsonUtf8Writer.WriteString(keys[i], destination);
            destination.Write(":"u8);
            switch (values[i])
            {
                case JsonString s when s.Value.Length >= MinSharedLength:
                    var text = s.Value;
                    if (!destination.TryWriteShared(text))
                    {
                        destination.BeginShared(text);
                        JsonUtf8Writer.WriteString(text, destination);
                        destination.EndShared();
                    }

                    break;
                case JsonObject details when !nested:
                    WriteMembers(details, destination, nested: true);
                    break;
                default:
                    JsonUtf8Writer.Write(values[i], destination);
                    break;
            }
        }

        destination.Write("}"u8);
    }
}
