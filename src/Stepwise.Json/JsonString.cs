namespace Stepwise.Json;

/// <summary>A JSON string.</summary>
public sealed class JsonString : JsonValue
{
    /// <summary>The empty string, shared.</summary>
    public static readonly JsonString Empty = new(string.Empty);

    /// <summary>The value whose compact JSON text this string holds, until <see cref="Value"/> first writes it.</summary>
    private readonly JsonValue? _textOf;

    private string? _value;

    private int _utf8Size;

    /// <summary>A string holding <paramref name="value"/>.</summary>
    public JsonString(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    private JsonString(JsonValue textOf)
    {
        _textOf = textOf;
    }

    /// <summary>The string's characters (for a <see cref="TextOf"/> string, written on first read).</summary>
    public string Value => _value ??= _textOf!.ToJsonString();

    public override JsonValueKind Kind => JsonValueKind.String;

    /// <summary>The UTF-8 size of the quoted, escaped string, cached (a benign race: every reader computes the same).</summary>
    internal int Utf8Size => _utf8Size > 0 ? _utf8Size : _utf8Size = JsonWriter.MeasureString(Value);

    /// <summary>
    /// A string whose value is the compact JSON text of <paramref name="value"/> (<see cref="JsonValue.ToJsonString()"/>),
    /// written only when someone reads it. History events hold their inputs and outputs as JSON text, as AWS's API
    /// returns them, but an in-memory (Express) run often reads none of them: writing each state's payload as text up
    /// front was most of a transition's cost. The value is immutable, so writing it later gives the same text.
    /// </summary>
    public static JsonString TextOf(JsonValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new JsonString(value);
    }
}
