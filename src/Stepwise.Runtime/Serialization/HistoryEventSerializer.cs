using Stepwise.Json;

namespace Stepwise.Runtime.Serialization;

/// <summary>
/// Converts <see cref="HistoryEvent"/> to and from the JSON document a store keeps. Unlike
/// <see cref="HistoryEvent.ToAwsJson"/>, the timestamp keeps its full precision (UTC ticks), so a stored history
/// reads back exactly as it was decided.
/// </summary>
public static class HistoryEventSerializer
{
    /// <summary>The event as a JSON object: <c>type</c>, <c>id</c>, <c>previousEventId</c>, <c>timestamp</c> (ticks) and the details.</summary>
    public static JsonObject ToJson(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        var builder = new JsonObjectBuilder(6)
            .Set("type", historyEvent.Type)
            .Set("id", historyEvent.Id)
            .Set("previousEventId", historyEvent.PreviousEventId)
            .Set("timestamp", JsonFields.Time(historyEvent.Timestamp));
        if (historyEvent.DetailsName is not null && historyEvent.Details is not null)
        {
            builder.Set("detailsName", historyEvent.DetailsName).Set("details", historyEvent.Details);
        }

        return builder.ToObject();
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; throws <see cref="FormatException"/> for a corrupt document.</summary>
    public static HistoryEvent FromJson(JsonValue json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var obj = json.AsObject();
        return new HistoryEvent(
            JsonFields.String(obj, "type"),
            JsonFields.Int64(obj, "id"),
            JsonFields.Int64(obj, "previousEventId"),
            JsonFields.Time(obj, "timestamp"),
            JsonFields.OptionalString(obj, "detailsName"),
            JsonFields.Optional(obj, "details")?.AsObject());
    }
}
