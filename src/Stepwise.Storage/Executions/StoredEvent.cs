namespace Stepwise.Storage.Executions;

/// <summary>
/// One history event as the store keeps it: the id and type it is indexed by, and the whole event as JSON text
/// (for AWS events it is the <c>GetExecutionHistory</c> element). Internal bookkeeping event types are stored alike;
/// the API filters them by <see cref="Type"/>.
/// <para>
/// An event the dispatcher commits comes with an <see cref="IStoredEventText"/> instead of its text: a provider that
/// keeps UTF-8 writes it straight into its step body (<see cref="WriteTo"/>), sharing the payloads the events of a step
/// carry by reference, and a provider that keeps the objects writes <see cref="Json"/> only when the history is read.
/// Two events are equal when their id, type, timestamp and text are.
/// </para>
/// </summary>
public sealed class StoredEvent : IEquatable<StoredEvent>
{
    private readonly IStoredEventText? _text;
    private string? _json;

    /// <summary>An event whose JSON text is known.</summary>
    public StoredEvent(long id, string type, DateTimeOffset timestamp, string json)
        : this(id, type, timestamp)
    {
        _json = json ?? throw new ArgumentNullException(nameof(json));
    }

    /// <summary>An event whose JSON text <paramref name="text"/> writes when it is first needed.</summary>
    public StoredEvent(long id, string type, DateTimeOffset timestamp, IStoredEventText text)
        : this(id, type, timestamp)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
    }

    private StoredEvent(long id, string type, DateTimeOffset timestamp)
    {
        Id = id;
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Timestamp = timestamp;
    }

    /// <summary>The event id (1 for the first event of an execution, then consecutive).</summary>
    public long Id { get; }

    /// <summary>The event type, e.g. <c>PassStateEntered</c>.</summary>
    public string Type { get; }

    /// <summary>When the event was recorded.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The whole event as compact JSON text (written on first read for an event built from an <see cref="IStoredEventText"/>; a benign race writes the same text).</summary>
    public string Json => _json ??= _text!.ToJson();

    /// <summary>Writes the event's JSON text to <paramref name="destination"/> as UTF-8: the same bytes as the UTF-8 of <see cref="Json"/>.</summary>
    public void WriteTo(IHistoryStepWriter destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_json is null && _text is not null)
        {
            _text.WriteTo(destination);
            return;
        }

        var json = Json.AsSpan();
        var span = destination.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(json.Length));
        destination.Advance(System.Text.Encoding.UTF8.GetBytes(json, span));
    }

    /// <inheritdoc/>
    public bool Equals(StoredEvent? other) =>
        other is not null && Id == other.Id && Timestamp == other.Timestamp && string.Equals(Type, other.Type, StringComparison.Ordinal)
        && string.Equals(Json, other.Json, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as StoredEvent);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Type, Timestamp);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Type} {Json}";
}
