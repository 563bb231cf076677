namespace Stepwise.Json;

/// <summary>How <see cref="JsonValue.ToJsonString(JsonLayout)"/> lays JSON text out.</summary>
public enum JsonLayout
{
    /// <summary>No whitespace: how AWS writes every payload.</summary>
    Compact,

    /// <summary>
    /// One line with <c>", "</c> and <c>": "</c> separators: Python's <c>json.dumps</c> default, which AWS shows in the
    /// error cause of a Lambda function called through its bare ARN.
    /// </summary>
    Spaced,

    /// <summary>Two-space indentation, for people to read.</summary>
    Indented,
}
