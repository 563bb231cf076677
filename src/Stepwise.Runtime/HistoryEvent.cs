using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>
/// One event of an execution's history, shaped exactly as AWS's <c>GetExecutionHistory</c> returns it: the detail
/// fields that hold JSON (input, output, parameters) are JSON <em>text</em> strings, as the API sends them.
/// </summary>
public sealed class HistoryEvent
{
    [ThreadStatic]
    private static long t_lastMilliseconds;

    [ThreadStatic]
    private static JsonNumber? t_lastTimestamp;

    private readonly LazyEventDetails _lazyDetails;
    private JsonObject? _details;

    /// <summary>Creates an event.</summary>
    public HistoryEvent(string type, long id, long previousEventId, DateTimeOffset timestamp, string? detailsName, JsonObject? details)
    {
        Type = type;
        Id = id;
        PreviousEventId = previousEventId;
        Timestamp = timestamp;
        DetailsName = detailsName;
        _details = details;
    }

    /// <summary>Creates an event whose details are built when first read.</summary>
    internal HistoryEvent(string type, long id, long previousEventId, DateTimeOffset timestamp, string detailsName, LazyEventDetails details)
    {
        Type = type;
        Id = id;
        PreviousEventId = previousEventId;
        Timestamp = timestamp;
        DetailsName = detailsName;
        _lazyDetails = details;
    }

    /// <summary>The AWS event type, e.g. <c>PassStateEntered</c>.</summary>
    public string Type { get; }

    /// <summary>The event id: 1 for ExecutionStarted, then consecutive.</summary>
    public long Id { get; }

    /// <summary>The id of the event this one follows in its branch of execution (0 for the first events).</summary>
    public long PreviousEventId { get; }

    /// <summary>When the event was recorded (the <c>now</c> given to Decide).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The name of the details member, e.g. <c>stateEnteredEventDetails</c>; null for events without details.</summary>
    public string? DetailsName { get; }

    /// <summary>The details object; null for events without details.</summary>
    public JsonObject? Details => _details ??= _lazyDetails.HasValue ? _lazyDetails.Build() : null;

    /// <summary>
    /// The parts of <see cref="Details"/> when they are in one of the common shapes, for a writer that writes their text
    /// without building the object (the durable history writes a step's events this way); the default value (no
    /// <see cref="LazyEventDetails.HasValue"/>) when the event was created with its details object.
    /// </summary>
    internal LazyEventDetails LazyDetails => _lazyDetails;

    /// <summary>
    /// The <c>timestamp</c> of <see cref="ToAwsJson"/>: epoch seconds with millisecond precision, as the AWS JSON 1.0
    /// protocol writes timestamps.
    /// </summary>
    public JsonNumber AwsTimestamp => EpochSeconds(Timestamp);

    /// <summary>
    /// The event as one element of <c>GetExecutionHistory</c>'s <c>events</c>:
    /// <c>{"timestamp","type","id","previousEventId","&lt;x&gt;EventDetails":{...}}</c>. The timestamp is epoch seconds
    /// with millisecond precision, as the AWS JSON 1.0 protocol writes timestamps.
    /// </summary>
    public JsonObject ToAwsJson()
    {
        var builder = new JsonObjectBuilder(5)
            .Set("timestamp", AwsTimestamp)
            .Set("type", Type)
            .Set("id", Id)
            .Set("previousEventId", PreviousEventId);
        if (DetailsName is not null && Details is not null)
        {
            builder.Set(DetailsName, Details);
        }

        return builder.ToObject();
    }

    /// <summary>
    /// Epoch seconds with millisecond precision. The events of one decision share its time, so the number written last
    /// on this thread is kept: a division, a format and a parse per event cost more than the rest of its header.
    /// </summary>
    private static JsonNumber EpochSeconds(DateTimeOffset time)
    {
        long milliseconds = time.ToUnixTimeMilliseconds();
        if (t_lastTimestamp is { } last && t_lastMilliseconds == milliseconds)
        {
            return last;
        }

        var number = JsonNumber.FromLiteral((milliseconds / 1000m).ToString(CultureInfo.InvariantCulture));
        t_lastMilliseconds = milliseconds;
        t_lastTimestamp = number;
        return number;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({PreviousEventId}) {Type}";
}
