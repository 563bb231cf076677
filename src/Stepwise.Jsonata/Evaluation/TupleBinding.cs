namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// One tuple of a tuple stream: the context value under <c>"@"</c> plus the focus, index and ancestor variables bound
/// along the path (jsonata-js's tuple objects).
/// </summary>
internal sealed class TupleBinding : Dictionary<string, object?>
{
    public const string ContextKey = "@";

    public TupleBinding()
        : base(StringComparer.Ordinal)
    {
    }

    public TupleBinding(TupleBinding other)
        : base(other, StringComparer.Ordinal)
    {
    }

    public object? Context => TryGetValue(ContextKey, out var value) ? value : null;
}
