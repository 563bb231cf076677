namespace Stepwise.Json;

/// <summary>
/// Builds a <see cref="JsonObject"/> in insertion order. Setting a key that is already present replaces its value and
/// keeps its position (Jackson's <c>ObjectNode.set</c>, which AWS uses). A builder yields one object; do not reuse it.
/// </summary>
public sealed class JsonObjectBuilder
{
    private string[] _keys;
    private JsonValue[] _values;
    private int _count;
    private Dictionary<string, int>? _index;

    public JsonObjectBuilder(int capacity = 4)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new JsonValue[capacity];
    }

    public int Count => _count;

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public JsonObjectBuilder Set(string key, JsonValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        int existing = IndexOf(key);
        if (existing >= 0)
        {
            _values[existing] = value;
            return this;
        }

        if (_count == _keys.Length)
        {
            int size = Math.Max(4, _count * 2);
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
        }

        _keys[_count] = key;
        _values[_count] = value;
        _index?.Add(key, _count);
        _count++;
        if (_index is null && _count > 8)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _count; i++)
            {
                _index[_keys[i]] = i;
            }
        }

        return this;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The object built so far.</summary>
    public JsonObject ToObject()
    {
        if (_count == 0)
        {
            return JsonObject.Empty;
        }

        if (_count != _keys.Length)
        {
            Array.Resize(ref _keys, _count);
            Array.Resize(ref _values, _count);
        }

        var result = new JsonObject(_keys, _values);
        // The arrays now belong to the object; a later Set must not write into them.
        _keys = [];
        _values = [];
        _count = 0;
        _index = null;
        return result;
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out int i) ? i : -1;
        }

        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
