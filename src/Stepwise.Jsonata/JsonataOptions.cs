using Stepwise.Jsonata.Functions;

namespace Stepwise.Jsonata;

/// <summary>
/// Compilation options: extension functions and the guards that make untrusted expressions safe to evaluate.
/// An options instance may be shared by many expressions; register functions before compiling.
/// </summary>
public sealed class JsonataOptions
{
    private readonly Dictionary<string, object?> _functions = new(StringComparer.Ordinal);

    /// <summary>
    /// The deepest nesting of evaluation steps allowed (jsonata-js's <c>depth</c> guard: every sub-expression
    /// evaluation counts one level), or 0 for no limit besides the machine stack. Exceeding it fails with U1001.
    /// Whatever the limit, recursion that would exhaust the stack fails with U1001 instead of crashing.
    /// </summary>
    public int MaxDepth { get; set; }

    /// <summary>The longest one evaluation may run, or null for no limit. Exceeding it fails with U1001.</summary>
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>
    /// The largest result allowed, in UTF-8 bytes of its compact JSON text, or 0 for no limit. A larger result fails
    /// with D1011 (an engine-specific code: jsonata-js has no such guard).
    /// </summary>
    public int MaxResultSize { get; set; }

    /// <summary>The clock <c>$now()</c> and <c>$millis()</c> read; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal IReadOnlyDictionary<string, object?> Functions => _functions;

    /// <summary>
    /// Hides the built-in <c>$name</c> from expressions compiled with these options (AWS Step Functions removes
    /// <c>$eval</c>): the name then evaluates to undefined, and calling it fails with T1006.
    /// </summary>
    public JsonataOptions HideFunction(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _functions[name] = null;
        return this;
    }

    /// <summary>
    /// Registers <c>$name</c>. <paramref name="signature"/> is a JSONata signature (<c>&lt;an:a&gt;</c>) that validates
    /// and coerces arguments before <paramref name="handler"/> runs, or null for none. A registered function hides a
    /// built-in of the same name.
    /// </summary>
    /// <exception cref="JsonataException">The signature is malformed (S0401, S0402).</exception>
    public JsonataOptions RegisterFunction(string name, string? signature, JsonataFunctionHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        _functions[name] = HostFunction.Create(name, signature, handler);
        return this;
    }
}
