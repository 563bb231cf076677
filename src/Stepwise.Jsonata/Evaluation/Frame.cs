namespace Stepwise.Jsonata.Evaluation;

/// <summary>A variable scope. Lookups walk the parent chain; the root falls back to the function library.</summary>
internal sealed class Frame(Frame? parent)
{
    private Dictionary<string, object?>? _variables;

    public Frame? Parent { get; } = parent;

    /// <summary>Set on the root frame: the functions visible to every expression (built-ins plus registered ones).</summary>
    public IReadOnlyDictionary<string, object?>? Library { get; init; }

    public void Bind(string name, object? value) => (_variables ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;

    public bool TryLookup(string name, out object? value)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame._variables is not null && frame._variables.TryGetValue(name, out value))
            {
                return true;
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
