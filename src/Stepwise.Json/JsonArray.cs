using System.Collections;

namespace Stepwise.Json;

/// <summary>An immutable JSON array.</summary>
public sealed class JsonArray : JsonValue, IReadOnlyList<JsonValue>
{
    /// <summary>The empty array, shared.</summary>
    public static readonly JsonArray Empty = new([]);

    private readonly JsonValue[] _items;

    // The compact text, written once (see JsonObject's).
    private string? _compactText;

    private int _utf8Size;

    private JsonArray(JsonValue[] items) => _items = items;

    public override JsonValueKind Kind => JsonValueKind.Array;

    /// <summary>The compact JSON text, cached (a benign race: every writer computes the same string).</summary>
    internal string CompactText => _compactText ??= JsonWriter.WriteCompactForCache(this, cacheChildren: true);

    /// <summary>The compact text cached while a parent is written: its own children are not cached for it.</summary>
    internal string ChildCompactText => _compactText ??= JsonWriter.WriteCompactForCache(this, cacheChildren: false);

    /// <summary>The cached compact text, or null when nothing has asked for it yet.</summary>
    internal string? CachedCompactText => _compactText;

    /// <summary>
    /// The UTF-8 size of the compact text, measured once without writing it (a benign race, as for the text). Zero
    /// means not measured yet: no compact text is empty.
    /// </summary>
    internal int Utf8Size => _utf8Size > 0 ? _utf8Size : _utf8Size = JsonWriter.MeasureContainer(this);

    public int Count => _items.Length;

    public JsonValue this[int index] => _items[index];

    /// <summary>An array of copies of the given references (the values themselves are shared, being immutable).</summary>
    public static JsonArray Create(params ReadOnlySpan<JsonValue> items) => items.Length == 0 ? Empty : new JsonArray(items.ToArray());

    public static JsonArray Create(IEnumerable<JsonValue> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? Empty : new JsonArray(array);
    }

    /// <summary>
    /// Wraps <paramref name="items"/> without copying. The caller hands the array over and must never write to it again.
    /// </summary>
    public static JsonArray TakeOwnership(JsonValue[] items) => items.Length == 0 ? Empty : new JsonArray(items);

    public ReadOnlySpan<JsonValue> AsSpan() => _items;

    public ReadOnlySpan<JsonValue>.Enumerator GetEnumerator() => new ReadOnlySpan<JsonValue>(_items).GetEnumerator();

    IEnumerator<JsonValue> IEnumerable<JsonValue>.GetEnumerator() => ((IEnumerable<JsonValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
