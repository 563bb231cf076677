namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// A variable scope. Lookups walk the parent chain; the root falls back to the function library. Frames hold few
/// variables (a lambda's parameters, a block's bindings): the first two live in fields, more in small arrays searched
/// linearly, which is cheaper to create and to search than a dictionary.
/// </summary>
internal sealed class Frame(Frame? parent)
{
    private string? _name0;
    private object? _value0;
    private string? _name1;
    private object? _value1;
    private string[]? _names;
    private object?[]? _values;
    private int _count;

    public Frame? Parent { get; } = parent;

    /// <summary>Set on the root frame: the functions visible to every expression (built-ins plus registered ones).</summary>
    public IReadOnlyDictionary<string, object?>? Library { get; init; }

    public void Bind(string name, object? value)
    {
        if (_name0 is null)
        {
            _name0 = name;
            _value0 = value;
            return;
        }

        if (string.Equals(_name0, name, StringComparison.Ordinal))
        {
            _value0 = value;
            return;
        }

        if (_name1 is null)
        {
            _name1 = name;
            _value1 = value;
            return;
        }

        if (string.Equals(_name1, name, StringComparison.Ordinal))
        {
            _value1 = value;
            return;
        }

        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_names![i], name, StringComparison.Ordinal))
            {
                _values![i] = value;
                return;
            }
        }

        if (_names is null)
        {
            _names = new string[4];
            _values = new object?[4];
        }
        else if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _names[_count] = name;
        _values![_count] = value;
        _count++;
    }

    public bool TryLookup(string name, out object? value)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame._name0 is not null)
            {
                if (string.Equals(frame._name0, name, StringComparison.Ordinal))
                {
                    value = frame._value0;
                    return true;
                }

                if (frame._name1 is not null)
                {
                    if (string.Equals(frame._name1, name, StringComparison.Ordinal))
                    {
                        value = frame._value1;
                        return true;
                    }

                    var names = frame._names;
                    for (int i = 0; i < frame._count; i++)
                    {
                        if (string.Equals(names![i], name, StringComparison.Ordinal))
                        {
                            value = frame._values![i];
                            return true;
                        }
                    }
                }
            }

            if (frame.Library is not null && frame.Library.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public object? Lookup(string name) => TryLookup(name, out var value) ? value : null;
}
