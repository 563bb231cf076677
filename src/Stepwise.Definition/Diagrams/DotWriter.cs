using System.Text;
using Stepwise.Definition.Model;

namespace Stepwise.Definition.Diagrams;

/// <summary>
/// A Graphviz digraph. Containers are clusters; an edge to or from one attaches to an invisible point inside it,
/// clipped at the cluster's border (<c>compound=true</c> with <c>lhead</c>/<c>ltail</c>).
/// </summary>
internal sealed class DotWriter(IReadOnlyDictionary<string, StateRunStatus>? statuses) : DiagramWriter(statuses)
{
    private readonly HashSet<string> _clusters = [];

    public override void Begin()
    {
        Text.Append("digraph StateMachine {\n");
        Line().Append("compound=true; rankdir=TB; fontname=\"Helvetica\"; fontsize=11;\n");
        Line().Append("node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#8d96a3\", fontname=\"Helvetica\", fontsize=11];\n");
        Line().Append("edge [color=\"#7d8590\", fontname=\"Helvetica\", fontsize=10];\n");
        Line().Append(StartId).Append(" [label=\"Start\", shape=circle, fillcolor=\"#1c2330\", fontcolor=\"#ffffff\", style=filled];\n");
        Line().Append(EndId).Append(" [label=\"End\", shape=circle, fillcolor=\"#1c2330\", fontcolor=\"#ffffff\", style=filled];\n");
    }

    public override void BeginContainer(string id, string title, string? stateName)
    {
        _clusters.Add(id);
        Line().Append("subgraph cluster_").Append(id).Append(" {\n");
        Depth++;
        Line().Append("label=").Append(Quote(title)).Append("; labeljust=l; style=\"rounded,dashed\";");
        if (stateName is not null && StatusOf(stateName) is { } status)
        {
            Text.Append(" color=\"").Append(Colours(status).Stroke).Append("\"; style=\"rounded\";");
        }

        Text.Append('\n');
        Line().Append(id).Append(" [shape=point, style=invis, width=0, height=0];\n");
    }

    public override void EndContainer(string id)
    {
        Depth--;
        Line().Append("}\n");
    }

    public override void Node(string id, string stateName, string text, StateType type, bool terminal)
    {
        Line().Append(id).Append(" [label=").Append(Quote(text));
        if (type == StateType.Choice)
        {
            Text.Append(", shape=diamond, style=filled");
        }

        if (terminal)
        {
            Text.Append(", peripheries=2");
        }

        if (StatusOf(stateName) is { } status)
        {
            var (fill, stroke) = Colours(status);
            Text.Append(", fillcolor=\"").Append(fill).Append("\", color=\"").Append(stroke).Append("\", penwidth=2");
        }

        Text.Append("];\n");
    }

    public override void Edge(string from, string to, string? label, EdgeStyle style)
    {
        Line().Append(from).Append(" -> ").Append(to).Append(" [");
        var attributes = new List<string>();
        if (_clusters.Contains(from))
        {
            attributes.Add($"ltail=cluster_{from}");
        }

        if (_clusters.Contains(to))
        {
            attributes.Add($"lhead=cluster_{to}");
        }

        if (label is not null)
        {
            attributes.Add($"label={Quote(label)}");
        }

        if (style == EdgeStyle.Dashed)
        {
            attributes.Add("style=dashed, color=\"#e08a00\", fontcolor=\"#a05f00\"");
        }
        else if (style == EdgeStyle.Dotted)
        {
            attributes.Add("style=dotted");
        }

        Text.Append(string.Join(", ", attributes)).Append("];\n");
    }

    public override string End()
    {
        Text.Append("}\n");
        return Text.ToString();
    }

    /// <summary>A DOT string: quotes and backslashes escaped, new lines as centred line breaks.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
