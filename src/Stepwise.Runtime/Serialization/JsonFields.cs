using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Runtime.Serialization;

/// <summary>Typed reads of the fields of a stored document, failing with one message shape when the document is corrupt.</summary>
internal static class JsonFields
{
    public static JsonValue Required(JsonObject obj, string key) => obj[key] ?? ThrowMissing(key);

    public static JsonValue? Optional(JsonObject obj, string key) => obj[key] is { IsNull: false } value ? value : null;

    public static string String(JsonObject obj, string key) => Required(obj, key).AsString();

    public static string? OptionalString(JsonObject obj, string key) => Optional(obj, key)?.AsString();

    public static long Int64(JsonObject obj, string key) =>
        Required(obj, key).AsNumber().TryGetInt64(out long value) ? value : ThrowCorrupt<long>(key);

    public static long Int64(JsonObject obj, string key, long defaultValue) =>
        Optional(obj, key) is { } value ? (value.AsNumber().TryGetInt64(out long n) ? n : ThrowCorrupt<long>(key)) : defaultValue;

    public static int Int32(JsonObject obj, string key, int defaultValue = 0) => checked((int)Int64(obj, key, defaultValue));

    public static bool Boolean(JsonObject obj, string key) => Optional(obj, key)?.AsBoolean() ?? false;

    public static double Double(JsonObject obj, string key, double defaultValue) => Optional(obj, key)?.AsNumber().ToDouble() ?? defaultValue;

    /// <summary>Times are stored as UTC ticks: exact, and independent of any culture or format.</summary>
    public static JsonValue Time(DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset Time(JsonObject obj, string key) => new(Int64(obj, key), TimeSpan.Zero);

    public static TEnum Enum<TEnum>(JsonObject obj, string key)
        where TEnum : struct, Enum =>
        System.Enum.TryParse(String(obj, key), ignoreCase: false, out TEnum value) ? value : ThrowCorrupt<TEnum>(key);

    public static JsonValue Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    [DoesNotReturn]
    private static JsonValue ThrowMissing(string key) => throw new FormatException($"Stored document is missing '{key}'.");

    [DoesNotReturn]
    private static T ThrowCorrupt<T>(string key) =>
        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Stored document has an invalid '{key}'."));
}
