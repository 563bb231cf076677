using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>A <c>Parallel</c> state.</summary>
public sealed class ParallelState : State
{
    internal ParallelState(string name, JsonObject json, List<StateGraph> registry)
        : base(name, json)
    {
        string where = $"State '{name}'";
        if (!json.TryGetValue("Branches", out var branches) || branches is not JsonArray array)
        {
            throw new FormatException($"{where}: 'Branches' must be an array.");
        }

        var graphs = new StateGraph[array.Count];
        for (int i = 0; i < graphs.Length; i++)
        {
            string branchWhere = $"{where} Branches[{i}]";
            graphs[i] = StateGraph.Read(ModelReader.AsObject(array[i], branchWhere), branchWhere, registry);
        }

        Branches = graphs;
        Parameters = ModelReader.ReadOptionalTemplate(json, "Parameters", where);
        ResultSelector = ModelReader.ReadOptionalTemplate(json, "ResultSelector", where);
        ResultPath = ResultPathField.Read(json, "ResultPath", where);
        Retry = ModelReader.ReadRetry(json, where);
        Catch = ModelReader.ReadCatch(json, where);
        Arguments = json["Arguments"];
    }

    /// <inheritdoc/>
    public override StateType Type => StateType.Parallel;

    /// <summary>The branches; the state's result is the array of their outputs in this order.</summary>
    public IReadOnlyList<StateGraph> Branches { get; }

    /// <summary>The compiled <c>Parameters</c> template (the input every branch receives).</summary>
    public PayloadTemplate? Parameters { get; }

    /// <summary>The compiled <c>ResultSelector</c> template.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <summary><c>ResultPath</c>.</summary>
    public ResultPathField ResultPath { get; }

    /// <summary>The retriers, in order.</summary>
    public IReadOnlyList<Retrier> Retry { get; }

    /// <summary>The catchers, in order.</summary>
    public IReadOnlyList<Catcher> Catch { get; }

    /// <summary>JSONata <c>Arguments</c>, kept raw.</summary>
    public JsonValue? Arguments { get; }
}
