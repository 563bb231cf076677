using System.Text;
using Stepwise.Definition.Model;

namespace Stepwise.Definition.Diagrams;

/// <summary>One diagram syntax: <see cref="StateDiagram"/> walks the definition and calls these in order.</summary>
internal abstract class DiagramWriter(IReadOnlyDictionary<string, StateRunStatus>? statuses)
{
    public const string StartId = "start_node";
    // Not "end": Mermaid reads that as the end of a subgraph.
    public const string EndId = "end_node";

    protected StringBuilder Text { get; } = new();

    protected int Depth { get; set; } = 1;

    /// <summary>A status for every state when an execution is drawn (not reached when it has none); null otherwise.</summary>
    protected StateRunStatus? StatusOf(string stateName) =>
        statuses is null ? null : statuses.TryGetValue(stateName, out var status) ? status : StateRunStatus.NotReached;

    protected StringBuilder Line() => Text.Append(' ', Depth * 2);

    public abstract void Begin();

    public abstract void BeginContainer(string id, string title, string? stateName);

    public abstract void EndContainer(string id);

    public abstract void Node(string id, string stateName, string text, StateType type, bool terminal);

    public abstract void Edge(string from, string to, string? label, EdgeStyle style);

    public abstract string End();

    /// <summary>Fill and stroke colours of a status, the console's palette.</summary>
    protected static (string Fill, string Stroke) Colours(StateRunStatus status) => status switch
    {
        StateRunStatus.Succeeded => ("#e3f5e8", "#2e9e4f"),
        StateRunStatus.Failed => ("#fde6e6", "#d13b3b"),
        StateRunStatus.Caught => ("#fff1d6", "#e08a00"),
        StateRunStatus.Running => ("#e3edfc", "#2f6fd6"),
        StateRunStatus.Aborted => ("#eceef1", "#7a7f87"),
        _ => ("#ffffff", "#c3c8d0"),
    };
}
