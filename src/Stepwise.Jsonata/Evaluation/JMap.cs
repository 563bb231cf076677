namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// An object built during evaluation (constructors, grouping, functions, transform copies). Unlike the immutable input
/// tree it is mutable while it is being built, and its values may be functions. Keys keep insertion order.
/// </summary>
internal sealed class JMap
{
    private const int HashThreshold = 8;

    private readonly List<string> _keys;
    private readonly List<object?> _values;
    private Dictionary<string, int>? _index;

    public JMap(int capacity = 4)
    {
        _keys = new List<string>(capacity);
        _values = new List<object?>(capacity);
    }

    public int Count => _keys.Count;

    public string KeyAt(int i) => _keys[i];

    public object? ValueAt(int i) => _values[i];

    public int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out int i) ? i : -1;
        }

        for (int i = 0; i < _keys.Count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public bool TryGetValue(string key, out object? value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    public void Set(string key, object? value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }

        _keys.Add(key);
        _values.Add(value);
        if (_index is not null)
        {
            _index[key] = _keys.Count - 1;
        }
        else if (_keys.Count > HashThreshold)
        {
            _index = new Dictionary<string, int>(_keys.Count * 2, StringComparer.Ordinal);
            for (int k = 0; k < _keys.Count; k++)
            {
                _index[_keys[k]] = k;
            }
        }
    }

    public void Remove(string key)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            return;
        }

        _keys.RemoveAt(i);
        _values.RemoveAt(i);
        if (_index is not null)
        {
            _index.Clear();
            for (int k = 0; k < _keys.Count; k++)
            {
                _index[_keys[k]] = k;
            }
        }
    }
}
