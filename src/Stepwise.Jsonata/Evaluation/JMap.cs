namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// An object built during evaluation (constructors, grouping, functions, transform copies). Unlike the immutable input
/// tree it is mutable while it is being built, and its values may be functions. Keys keep JavaScript's property order,
/// which jsonata-js results (and so AWS's) have: array-index keys ("0", "42") first in ascending numeric order, then
/// the other keys in insertion order.
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

        if (TryParseArrayIndex(key, out uint index))
        {
            int at = 0;
            while (at < _keys.Count && TryParseArrayIndex(_keys[at], out uint other) && other < index)
            {
                at++;
            }

            _keys.Insert(at, key);
            _values.Insert(at, value);
            Reindex();
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
            Reindex();
        }
    }

    /// <summary>Whether <paramref name="key"/> is a JavaScript array index: a canonical decimal below 2^32 - 1.</summary>
    private static bool TryParseArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong value = 0;
        foreach (char c in key)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (ulong)(c - '0');
        }

        if (value >= uint.MaxValue)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }

    private void Reindex()
    {
        if (_keys.Count <= HashThreshold && _index is null)
        {
            return;
        }

        _index ??= new Dictionary<string, int>(_keys.Count * 2, StringComparer.Ordinal);
        _index.Clear();
        for (int k = 0; k < _keys.Count; k++)
        {
            _index[_keys[k]] = k;
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
            Reindex();
        }
    }
}
