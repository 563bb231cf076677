using Stepwise.Json;
using Stepwise.Jsonata.Functions;

namespace Stepwise.Jsonata;

/// <summary>
/// Variables for one evaluation: <c>$name</c> bound to a JSON value or to a function. Bindings hide built-ins and
/// registered functions of the same name. Reusable across evaluations; not thread-safe while being changed.
/// </summary>
public sealed class JsonataBindings
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    internal IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>Binds <c>$name</c> to <paramref name="value"/> (null binds undefined).</summary>
    public JsonataBindings Set(string name, JsonValue? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _values[name] = value;
        return this;
    }

    /// <summary>Binds <c>$name</c> to a host function with an optional JSONata signature.</summary>
    /// <exception cref="JsonataException">The signature is malformed.</exception>
    public JsonataBindings SetFunction(string name, string? signature, JsonataFunctionHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        _values[name] = HostFunction.Create(name, signature, handler);
        return this;
    }
}
