using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Stepwise.Json;

/// <summary>
/// An immutable JSON object that keeps its keys in insertion order (AWS keeps the order a state produced).
/// Keys are unique; lookups are linear for small objects and hashed for large ones.
/// </summary>
public sealed class JsonObject : JsonValue, IReadOnlyList<KeyValuePair<string, JsonValue>>
{
    /// <summary>The empty object, shared.</summary>
    public static readonly JsonObject Empty = new([], []);

    private const int HashThreshold = 8;

    private readonly string[] _keys;
    private readonly JsonValue[] _values;
    private Dictionary<string, int>? _index;

    // The compact text, written once: the engine records the same (immutable) value in several history events
    // (StateEntered, TaskScheduled, TaskSucceeded, StateExited) and measures it against the payload limit, so
    // serializing it once per value instead of once per use is most of an in-memory transition's cost.
    private string? _compactText;

    private int _utf8Size;

    internal JsonObject(string[] keys, JsonValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    public override JsonValueKind Kind => JsonValueKind.Object;

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

    public int Count => _keys.Length;

    /// <summary>The property at <paramref name="index"/> in key order.</summary>
    public KeyValuePair<string, JsonValue> this[int index] => new(_keys[index], _values[index]);

    /// <summary>The value of <paramref name="key"/>, or null (the CLR null, not JSON null) when the key is absent.</summary>
    public JsonValue? this[string key] => TryGetValue(key, out var value) ? value : null;

    public ReadOnlySpan<string> Keys => _keys;

    public ReadOnlySpan<JsonValue> Values => _values;

    /// <summary>An object from properties in order; a repeated key keeps its first position and takes the last value.</summary>
    public static JsonObject Create(IEnumerable<KeyValuePair<string, JsonValue>> properties)
    {
        var builder = new JsonObjectBuilder();
        foreach (var (key, value) in properties)
        {
            builder.Set(key, value);
        }

        return builder.ToObject();
    }

    /// <summary>An object from properties in order; a repeated key keeps its first position and takes the last value.</summary>
    public static JsonObject Create(params ReadOnlySpan<(string Key, JsonValue Value)> properties)
    {
        var builder = new JsonObjectBuilder(properties.Length);
        foreach (var (key, value) in properties)
        {
            builder.Set(key, value);
        }

        return builder.ToObject();
    }

    /// <summary>
    /// Wraps <paramref name="keys"/> and <paramref name="values"/> without copying (for producers that build many
    /// objects with the same keys, such as compiled payload templates). The caller guarantees the keys are distinct
    /// and the arrays have the same length, hands <paramref name="values"/> over and never writes to either array
    /// again. The keys array may be shared by many objects: an object never writes to its keys.
    /// </summary>
    public static JsonObject TakeOwnership(string[] keys, JsonValue[] values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.Length != values.Length)
        {
            throw new ArgumentException("Every key needs exactly one value.", nameof(values));
        }

        return keys.Length == 0 ? Empty : new JsonObject(keys, values);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [NotNullWhen(true)] out JsonValue? value)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }

        value = _values[i];
        return true;
    }

    /// <summary>The position of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(string key)
    {
        if (_keys.Length <= HashThreshold)
        {
            for (int i = 0; i < _keys.Length; i++)
            {
                if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = _index ??= BuildIndex();
        return index.TryGetValue(key, out int position) ? position : -1;
    }

    /// <summary>A copy with <paramref name="key"/> set: replaced in place when present, appended when not.</summary>
    public JsonObject With(string key, JsonValue value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            if (ReferenceEquals(_values[i], value))
            {
                return this;
            }

            // Same keys, so the copy shares the key index; a copy (not Array.Clone, which is slow for small arrays)
            // of the values. A state's output is its input with one member set, once per transition.
            var values = new JsonValue[_values.Length];
            _values.AsSpan().CopyTo(values);
            values[i] = value;
            var replaced = new JsonObject(_keys, values) { _index = _index };
            if (_utf8Size > 0)
            {
                // Its size follows from this one's (both children's sizes are cached where it matters).
                replaced._utf8Size = _utf8Size - JsonWriter.MeasureUtf8(_values[i]) + JsonWriter.MeasureUtf8(value);
            }

            return replaced;
        }

        var keys = new string[_keys.Length + 1];
        var newValues = new JsonValue[_values.Length + 1];
        _keys.CopyTo(keys, 0);
        _values.CopyTo(newValues, 0);
        keys[^1] = key;
        newValues[^1] = value;
        var appended = new JsonObject(keys, newValues);
        if (_utf8Size > 0)
        {
            // A comma unless this one is empty, the quoted key, a colon and the value.
            appended._utf8Size = _utf8Size + (_keys.Length > 0 ? 1 : 0) + JsonWriter.MeasureString(key) + 1 + JsonWriter.MeasureUtf8(value);
        }

        return appended;
    }

    /// <summary>A copy without <paramref name="key"/> (this object when the key is absent).</summary>
    public JsonObject Without(string key)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            return this;
        }

        var keys = new string[_keys.Length - 1];
        var values = new JsonValue[_values.Length - 1];
        Array.Copy(_keys, 0, keys, 0, i);
        Array.Copy(_keys, i + 1, keys, i, keys.Length - i);
        Array.Copy(_values, 0, values, 0, i);
        Array.Copy(_values, i + 1, values, i, values.Length - i);
        return new JsonObject(keys, values);
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, JsonValue>> IEnumerable<KeyValuePair<string, JsonValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(_keys.Length, StringComparer.Ordinal);
        for (int i = 0; i < _keys.Length; i++)
        {
            index[_keys[i]] = i;
        }

        return index;
    }

    /// <summary>Enumerates the properties in key order without allocating.</summary>
    public struct Enumerator(JsonObject obj) : IEnumerator<KeyValuePair<string, JsonValue>>
    {
        private int _position = -1;

        public readonly KeyValuePair<string, JsonValue> Current => new(obj._keys[_position], obj._values[_position]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_position < obj._keys.Length;

        public void Reset() => _position = -1;

        public readonly void Dispose()
        {
        }
    }
}
