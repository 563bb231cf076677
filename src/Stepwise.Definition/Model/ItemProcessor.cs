using Stepwise.Json;

namespace Stepwise.Definition.Model;

/// <summary>A Map's <c>ItemProcessor</c> (or the legacy <c>Iterator</c>): the states run for each item.</summary>
public sealed class ItemProcessor
{
    internal ItemProcessor(StateGraph graph, ProcessorConfig config)
    {
        Graph = graph;
        ProcessorConfig = config;
    }

    /// <summary>The states each iteration runs.</summary>
    public StateGraph Graph { get; }

    /// <summary>The processor configuration; INLINE when absent.</summary>
    public ProcessorConfig ProcessorConfig { get; }

    internal static ItemProcessor Read(JsonObject json, string where, List<StateGraph> registry)
    {
        var graph = StateGraph.Read(json, where, registry);
        var config = json.TryGetValue("ProcessorConfig", out var value)
            ? ProcessorConfig.Read(ModelReader.AsObject(value, where + " ProcessorConfig"), where + " ProcessorConfig")
            : ProcessorConfig.Inline;
        return new ItemProcessor(graph, config);
    }
}
