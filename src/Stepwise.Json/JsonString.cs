namespace Stepwise.Json;

/// <summary>A JSON string.</summary>
public sealed class JsonString(string value) : JsonValue
{
    /// <summary>The empty string, shared.</summary>
    public static readonly JsonString Empty = new(string.Empty);

    public string Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    public override JsonValueKind Kind => JsonValueKind.String;
}
