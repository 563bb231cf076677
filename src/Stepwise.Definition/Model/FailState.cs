using Stepwise.Json;

namespace Stepwise.Definition.Model;

/// <summary>A <c>Fail</c> state.</summary>
public sealed class FailState : State
{
    internal FailState(string name, JsonObject json)
        : base(name, json)
    {
        string where = $"State '{name}'";
        Error = json.TryGetValue("Error", out var e) && e is JsonString es ? es.Value : null;
        Cause = json.TryGetValue("Cause", out var c) && c is JsonString cs ? cs.Value : null;
        ErrorPath = ValueExpression.Read(json, "ErrorPath", where);
        CausePath = ValueExpression.Read(json, "CausePath", where);
    }

    /// <inheritdoc/>
    public override StateType Type => StateType.Fail;

    /// <summary>The literal <c>Error</c>; null when absent (the execution then fails without an error name).</summary>
    public string? Error { get; }

    /// <summary>The literal <c>Cause</c>.</summary>
    public string? Cause { get; }

    /// <summary><c>ErrorPath</c> (a path or an intrinsic function call).</summary>
    public ValueExpression? ErrorPath { get; }

    /// <summary><c>CausePath</c>.</summary>
    public ValueExpression? CausePath { get; }
}
