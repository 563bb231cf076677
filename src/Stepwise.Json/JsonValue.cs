using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Stepwise.Json;

/// <summary>
/// An immutable JSON value. One representation flows through the whole engine (DESIGN.md §2): object key order is
/// preserved, numbers keep their integer/decimal identity, and a value is never mutated once built, so values are shared
/// freely between states, frames and threads (structural sharing instead of deep copies).
/// </summary>
public abstract class JsonValue : IEquatable<JsonValue>
{
    /// <summary>The JSON <c>null</c> singleton.</summary>
    public static readonly JsonValue Null = new JsonLiteral(JsonValueKind.Null);

    /// <summary>The JSON <c>true</c> singleton.</summary>
    public static readonly JsonValue True = new JsonLiteral(JsonValueKind.True);

    /// <summary>The JSON <c>false</c> singleton.</summary>
    public static readonly JsonValue False = new JsonLiteral(JsonValueKind.False);

    private protected JsonValue()
    {
    }

    public abstract JsonValueKind Kind { get; }

    public bool IsNull => Kind == JsonValueKind.Null;

    public bool IsBoolean => Kind is JsonValueKind.True or JsonValueKind.False;

    public bool IsNumber => Kind == JsonValueKind.Number;

    public bool IsString => Kind == JsonValueKind.String;

    public bool IsArray => Kind == JsonValueKind.Array;

    public bool IsObject => Kind == JsonValueKind.Object;

    /// <summary>The JSON boolean for <paramref name="value"/>.</summary>
    public static JsonValue FromBoolean(bool value) => value ? True : False;

    /// <summary>Parses one JSON text (RFC 8259; duplicate keys: the last value wins, at the first key's position).</summary>
    /// <exception cref="JsonParseException">The text is not valid JSON; the message names the position.</exception>
    public static JsonValue Parse(string json) => JsonParser.Parse(json);

    /// <summary>Parses one UTF-8 JSON text.</summary>
    /// <exception cref="JsonParseException">The text is not valid JSON; the message names the position.</exception>
    public static JsonValue Parse(ReadOnlySpan<byte> utf8Json) => JsonParser.Parse(utf8Json);

    /// <summary>Parses <paramref name="json"/>, or returns false with a message saying what is wrong and where.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out JsonValue? value, [NotNullWhen(false)] out string? error)
    {
        try
        {
            value = JsonParser.Parse(json);
            error = null;
            return true;
        }
        catch (JsonParseException e)
        {
            value = null;
            error = e.Message;
            return false;
        }
    }

    public JsonObject AsObject() => this as JsonObject ?? throw new InvalidCastException($"Expected a JSON object, found {Kind}.");

    public JsonArray AsArray() => this as JsonArray ?? throw new InvalidCastException($"Expected a JSON array, found {Kind}.");

    public JsonNumber AsNumber() => this as JsonNumber ?? throw new InvalidCastException($"Expected a JSON number, found {Kind}.");

    /// <summary>The string's value; throws for any other kind.</summary>
    public string AsString() => (this as JsonString)?.Value ?? throw new InvalidCastException($"Expected a JSON string, found {Kind}.");

    public bool AsBoolean() => Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new InvalidCastException($"Expected a JSON boolean, found {Kind}."),
    };

    /// <summary>Compact JSON text, written the way AWS writes it (no whitespace, non-ASCII unescaped).</summary>
    public string ToJsonString() => this switch
    {
        JsonObject obj => obj.CompactText,
        JsonArray array => array.CompactText,
        _ => JsonWriter.Write(this),
    };

    /// <summary>JSON text in the given layout (keys in order and escaping as in <see cref="ToJsonString()"/>).</summary>
    public string ToJsonString(JsonLayout layout) => JsonWriter.Write(this, layout);

    /// <summary>Indented JSON text for people to read.</summary>
    public string ToIndentedJsonString() => JsonWriter.Write(this, JsonLayout.Indented);

    /// <summary>Appends the compact JSON text to <paramref name="builder"/>.</summary>
    public void WriteTo(StringBuilder builder) => JsonWriter.Write(this, builder, JsonLayout.Compact);

    /// <summary>The size in UTF-8 bytes of the compact JSON text: the measure of AWS's payload limits.</summary>
    public int GetUtf8Size() => JsonWriter.MeasureUtf8(this);

    /// <summary>Structural equality: same key sets (order ignored), same elements, numbers equal by value.</summary>
    public static bool DeepEquals(JsonValue? left, JsonValue? right) => JsonEquality.DeepEquals(left, right);

    public bool Equals(JsonValue? other) => JsonEquality.DeepEquals(this, other);

    public override bool Equals(object? obj) => obj is JsonValue other && Equals(other);

    public override int GetHashCode() => JsonEquality.GetHashCode(this);

    public override string ToString() => ToJsonString();

    public static implicit operator JsonValue(string value) => new JsonString(value);

    public static implicit operator JsonValue(long value) => JsonNumber.FromInt64(value);

    public static implicit operator JsonValue(double value) => JsonNumber.FromDouble(value);

    public static implicit operator JsonValue(bool value) => FromBoolean(value);

    private sealed class JsonLiteral(JsonValueKind kind) : JsonValue
    {
        public override JsonValueKind Kind { get; } = kind;
    }
}
