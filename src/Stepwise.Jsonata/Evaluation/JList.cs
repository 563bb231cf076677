namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// An array built during evaluation: either a JSONata sequence (<see cref="IsSequence"/>, flattened by paths and
/// unwrapped when it holds one item) or an array value (from a constructor or a function). The flags carry jsonata-js's
/// array annotations, which decide the flattening rules.
/// </summary>
internal sealed class JList : List<object?>
{
    public JList()
    {
    }

    public JList(int capacity)
        : base(capacity)
    {
    }

    /// <summary>A sequence (jsonata-js <c>createSequence</c>) rather than an array value.</summary>
    public bool IsSequence;

    /// <summary>A singleton sequence must stay an array (the <c>[]</c> step modifier).</summary>
    public bool KeepSingleton;

    /// <summary>The sequence that wraps a top-level input array so it is treated as one input.</summary>
    public bool OuterWrapper;

    /// <summary>Built by an array constructor: a path step does not flatten it.</summary>
    public bool Cons;

    /// <summary>A stream of <see cref="TupleBinding"/>s (steps with <c>@</c>, <c>#</c> or parent references).</summary>
    public bool TupleStream;

    public static JList Sequence() => new() { IsSequence = true };

    public static JList Sequence(object? item)
    {
        // Like jsonata-js's createSequence(x), an undefined item is kept: a path step still runs once on it.
        var list = new JList(1) { IsSequence = true };
        list.Add(item);
        return list;
    }
}
