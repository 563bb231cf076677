using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>A <c>Pass</c> state.</summary>
public sealed class PassState : State
{
    internal PassState(string name, JsonObject json)
        : base(name, json)
    {
        string where = $"State '{name}'";
        // Result is a literal: AWS never evaluates it, not even its "x.$" keys.
        Result = json["Result"];
        Parameters = ModelReader.ReadOptionalTemplate(json, "Parameters", where);
        ResultPath = ResultPathField.Read(json, "ResultPath", where);
    }

    /// <inheritdoc/>
    public override StateType Type => StateType.Pass;

    /// <summary>The literal <c>Result</c>; null when absent (the effective input passes through).</summary>
    public JsonValue? Result { get; }

    /// <summary>The compiled <c>Parameters</c> template.</summary>
    public PayloadTemplate? Parameters { get; }

    /// <summary><c>ResultPath</c>.</summary>
    public ResultPathField ResultPath { get; }
}
