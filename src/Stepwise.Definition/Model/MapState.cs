using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>A <c>Map</c> state.</summary>
public sealed class MapState : State
{
    internal MapState(string name, JsonObject json, List<StateGraph> registry)
        : base(name, json)
    {
        string where = $"State '{name}'";
        var processorJson = json.TryGetValue("ItemProcessor", out var p) ? p
            : json.TryGetValue("Iterator", out var it) ? it
            : throw new FormatException($"{where}: 'ItemProcessor' is required.");
        ItemProcessor = ItemProcessor.Read(ModelReader.AsObject(processorJson, where + " ItemProcessor"), where + " ItemProcessor", registry);
        ItemsPath = PathField.Read(json, "ItemsPath", where);
        Items = json["Items"];
        // The legacy Parameters field of a Map is what ItemSelector replaced: both build each iteration's input.
        ItemSelector = ModelReader.ReadOptionalTemplate(json, "ItemSelector", where)
            ?? ModelReader.ReadOptionalTemplate(json, "Parameters", where);
        ResultSelector = ModelReader.ReadOptionalTemplate(json, "ResultSelector", where);
        ResultPath = ResultPathField.Read(json, "ResultPath", where);
        Retry = ModelReader.ReadRetry(json, where);
        Catch = ModelReader.ReadCatch(json, where);
        MaxConcurrency = ModelReader.ReadOptionalInt64OrExpression(json, "MaxConcurrency", where, out var maxConcurrencyExpression);
        MaxConcurrencyExpression = maxConcurrencyExpression;
        MaxConcurrencyPath = ModelReader.ReadOptionalPath(json, "MaxConcurrencyPath", where);
        ToleratedFailureCount = ModelReader.ReadOptionalInt64OrExpression(json, "ToleratedFailureCount", where, out var countExpression);
        ToleratedFailureCountExpression = countExpression;
        ToleratedFailureCountPath = ModelReader.ReadOptionalPath(json, "ToleratedFailureCountPath", where);
        ToleratedFailurePercentage = ModelReader.ReadOptionalDoubleOrExpression(json, "ToleratedFailurePercentage", where, out var percentageExpression);
        ToleratedFailurePercentageExpression = percentageExpression;
        ToleratedFailurePercentagePath = ModelReader.ReadOptionalPath(json, "ToleratedFailurePercentagePath", where);
        ItemReader = json["ItemReader"];
        ItemBatcher = ItemBatcher.Read(json, where);
        ResultWriter = json["ResultWriter"];
        Label = ModelReader.ReadOptionalString(json, "Label", where);
    }

    /// <inheritdoc/>
    public override StateType Type => StateType.Map;

    /// <summary>The states run for each item (<c>ItemProcessor</c>, or the legacy <c>Iterator</c>).</summary>
    public ItemProcessor ItemProcessor { get; }

    /// <summary><c>ItemsPath</c>; default <c>$</c>.</summary>
    public PathField ItemsPath { get; }

    /// <summary>JSONata <c>Items</c>, kept raw.</summary>
    public JsonValue? Items { get; }

    /// <summary>The compiled <c>ItemSelector</c> (or legacy <c>Parameters</c>) template.</summary>
    public PayloadTemplate? ItemSelector { get; }

    /// <summary>The compiled <c>ResultSelector</c> template.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <summary><c>ResultPath</c>.</summary>
    public ResultPathField ResultPath { get; }

    /// <summary>The retriers, in order.</summary>
    public IReadOnlyList<Retrier> Retry { get; }

    /// <summary>The catchers, in order.</summary>
    public IReadOnlyList<Catcher> Catch { get; }

    /// <summary><c>MaxConcurrency</c>; null or 0 means no limit.</summary>
    public long? MaxConcurrency { get; }

    /// <summary><c>MaxConcurrencyPath</c>.</summary>
    public AslPath? MaxConcurrencyPath { get; }

    /// <summary><c>ToleratedFailureCount</c>.</summary>
    public long? ToleratedFailureCount { get; }

    /// <summary><c>ToleratedFailureCountPath</c>.</summary>
    public AslPath? ToleratedFailureCountPath { get; }

    /// <summary><c>ToleratedFailurePercentage</c> (0–100).</summary>
    public double? ToleratedFailurePercentage { get; }

    /// <summary><c>ToleratedFailurePercentagePath</c>.</summary>
    public AslPath? ToleratedFailurePercentagePath { get; }

    /// <summary><c>MaxConcurrency</c> written as a JSONata expression, kept raw.</summary>
    public JsonValue? MaxConcurrencyExpression { get; }

    /// <summary><c>ToleratedFailureCount</c> written as a JSONata expression, kept raw.</summary>
    public JsonValue? ToleratedFailureCountExpression { get; }

    /// <summary><c>ToleratedFailurePercentage</c> written as a JSONata expression, kept raw.</summary>
    public JsonValue? ToleratedFailurePercentageExpression { get; }

    /// <summary>Distributed-map <c>ItemReader</c>, kept raw.</summary>
    public JsonValue? ItemReader { get; }

    /// <summary>Distributed-map <c>ItemBatcher</c>: items are grouped into batches, one child execution each.</summary>
    public ItemBatcher? ItemBatcher { get; }

    /// <summary>Distributed-map <c>ResultWriter</c>, kept raw.</summary>
    public JsonValue? ResultWriter { get; }

    /// <summary>Distributed-map <c>Label</c>.</summary>
    public string? Label { get; }
}
