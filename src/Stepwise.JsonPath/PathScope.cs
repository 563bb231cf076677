using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath;

/// <summary>
/// What paths, payload templates and intrinsic functions read: the state's effective input (<c>$</c>), the context
/// object (<c>$$</c>), the variables in scope (<c>$name</c>) and the execution's seeded random source (States.UUID,
/// States.MathRandom: the runtime is deterministic and never uses <c>Random.Shared</c> or <c>Guid.NewGuid</c>).
/// </summary>
public readonly record struct PathScope
{
    private readonly JsonValue? _context;
    private readonly IContextObjectSource? _contextSource;

    /// <summary>A scope over a built context object.</summary>
    /// <param name="input">The value <c>$</c> denotes.</param>
    /// <param name="context">The context object <c>$$</c> denotes.</param>
    /// <param name="variables">The variables in scope; null when the state sees none.</param>
    /// <param name="random">The execution's seeded random source; null where no intrinsic may draw from it.</param>
    public PathScope(JsonValue input, JsonValue context, IVariableReader? variables = null, Random? random = null)
    {
        Input = input;
        _context = context;
        Variables = variables;
        Random = random;
    }

    /// <summary>A scope whose context object is built only if a path reads <c>$$</c>.</summary>
    /// <param name="input">The value <c>$</c> denotes.</param>
    /// <param name="context">Supplies the context object <c>$$</c> denotes, on first read.</param>
    /// <param name="variables">The variables in scope; null when the state sees none.</param>
    /// <param name="random">The execution's seeded random source; null where no intrinsic may draw from it.</param>
    public PathScope(JsonValue input, IContextObjectSource context, IVariableReader? variables = null, Random? random = null)
    {
        Input = input;
        _contextSource = context;
        Variables = variables;
        Random = random;
    }

    /// <summary>The value <c>$</c> denotes.</summary>
    public JsonValue Input { get; init; }

    /// <summary>The context object <c>$$</c> denotes (built now when the scope was given a source).</summary>
    public JsonValue Context => _context ?? _contextSource!.GetContextObject();

    /// <summary>The variables in scope; null when the state sees none.</summary>
    public IVariableReader? Variables { get; init; }

    /// <summary>The context's Map item, when its source can give it without building the context object.</summary>
    internal bool TryGetMapItem([NotNullWhen(true)] out JsonValue? index, [NotNullWhen(true)] out JsonValue? value)
    {
        if (_contextSource is not null)
        {
            return _contextSource.TryGetMapItem(out index, out value);
        }

        index = null;
        value = null;
        return false;
    }

    /// <summary>The execution's seeded random source; null where no intrinsic may draw from it.</summary>
    public Random? Random { get; init; }
}
