using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Variables;

/// <summary>
/// The variables one frame sees: its own (written by its states' <c>Assign</c>) over those of the frames that own it.
/// A Parallel branch or Map iteration starts with an empty scope whose <see cref="Outer"/> is the owning frame's scope
/// at the time the state started: it reads outer variables but writes only its own, which vanish with the frame
/// (AWS "Passing data between states with variables", variable scope). Immutable: an assignment returns a new scope,
/// so snapshots share scopes safely.
/// </summary>
internal sealed class VariableScope : IVariableReader
{
    /// <summary>The root frame's scope before any assignment.</summary>
    public static readonly VariableScope Empty = new(null, ImmutableDictionary.Create<string, JsonValue>(StringComparer.Ordinal), 0);

    private readonly ImmutableDictionary<string, JsonValue> _own;

    private VariableScope(VariableScope? outer, ImmutableDictionary<string, JsonValue> own, long ownBytes)
    {
        Outer = outer;
        _own = own;
        OwnBytes = ownBytes;
    }

    /// <summary>The scope of the frame that owns this one; null for the root frame.</summary>
    public VariableScope? Outer { get; }

    /// <summary>The UTF-8 size of this scope's own values.</summary>
    public long OwnBytes { get; }

    /// <summary>The UTF-8 size of every value visible from this scope (its own plus the outer scopes').</summary>
    public long TotalBytes => OwnBytes + (Outer?.TotalBytes ?? 0);

    /// <summary>The number of variables this scope holds itself.</summary>
    public int OwnCount => _own.Count;

    /// <summary>A new, empty scope for a Parallel branch or Map iteration run by the frame this scope belongs to.</summary>
    public VariableScope NewInner() => new(this, Empty._own, 0);

    /// <inheritdoc/>
    public bool TryGetVariable(string name, [NotNullWhen(true)] out JsonValue? value)
    {
        for (var scope = this; scope is not null; scope = scope.Outer)
        {
            if (scope._own.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The UTF-8 size of this scope's own values that <paramref name="assigned"/> would replace.</summary>
    public long OwnBytesReplacedBy(JsonObject assigned)
    {
        long bytes = 0;
        foreach (var (name, _) in assigned)
        {
            if (_own.TryGetValue(name, out var previous))
            {
                bytes += previous.GetUtf8Size();
            }
        }

        return bytes;
    }

    /// <summary>
    /// This scope with every member of <paramref name="assigned"/> set (added or replaced) in its own variables.
    /// </summary>
    public VariableScope With(JsonObject assigned)
    {
        var builder = _own.ToBuilder();
        long bytes = OwnBytes;
        foreach (var (name, value) in assigned)
        {
            if (builder.TryGetValue(name, out var previous))
            {
                bytes -= previous.GetUtf8Size();
            }

            builder[name] = value;
            bytes += value.GetUtf8Size();
        }

        return new VariableScope(Outer, builder.ToImmutable(), bytes);
    }

    /// <summary>
    /// Calls <paramref name="bind"/> for every visible variable, outer scopes first, so an inner variable that hides an
    /// outer one of the same name comes last (JSONata binds them all before evaluating).
    /// </summary>
    public void VisitVisible<TState>(TState state, Action<TState, string, JsonValue> bind)
    {
        Outer?.VisitVisible(state, bind);
        foreach (var (name, value) in _own)
        {
            bind(state, name, value);
        }
    }
}
