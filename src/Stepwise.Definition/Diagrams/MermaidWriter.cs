using System.Text;
using Stepwise.Definition.Model;

namespace Stepwise.Definition.Diagrams;

/// <summary>A Mermaid <c>flowchart TD</c>.</summary>
internal sealed class MermaidWriter(IReadOnlyDictionary<string, StateRunStatus>? statuses) : DiagramWriter(statuses)
{
    private readonly Dictionary<StateRunStatus, List<string>> _classes = [];

    public override void Begin()
    {
        Text.Append("flowchart TD\n");
        Line().Append(StartId).Append("((Start))\n");
    }

    public override void BeginContainer(string id, string title, string? stateName)
    {
        Line().Append("subgraph ").Append(id).Append(" [\"").Append(Escape(title)).Append("\"]\n");
        Depth++;
        Classify(id, stateName);
    }

    public override void EndContainer(string id)
    {
        Depth--;
        Line().Append("end\n");
    }

    public override void Node(string id, string stateName, string text, StateType type, bool terminal)
    {
        // Choice as a rhombus, terminal states as a double-bordered subroutine box, others as rounded boxes.
        (string open, string close) = type == StateType.Choice ? ("{\"", "\"}") : terminal ? ("[[\"", "\"]]") : ("(\"", "\")");
        Line().Append(id).Append(open).Append(Escape(text)).Append(close).Append('\n');
        Classify(id, stateName);
    }

    public override void Edge(string from, string to, string? label, EdgeStyle style)
    {
        string arrow = style == EdgeStyle.Solid ? "-->" : "-.->";
        Line().Append(from).Append(' ').Append(arrow);
        if (label is not null)
        {
            Text.Append("|\"").Append(Escape(label)).Append("\"|");
        }

        Text.Append(' ').Append(to).Append('\n');
    }

    public override string End()
    {
        Line().Append(EndId).Append("((End))\n");
        foreach (var (status, ids) in _classes)
        {
            var (fill, stroke) = Colours(status);
            string name = status.ToString().ToLowerInvariant();
            Line().Append("classDef ").Append(name).Append(" fill:").Append(fill).Append(",stroke:").Append(stroke).Append(",stroke-width:2px\n");
            Line().Append("class ").Append(string.Join(',', ids)).Append(' ').Append(name).Append('\n');
        }

        return Text.ToString();
    }

    private void Classify(string id, string? stateName)
    {
        if (stateName is not null && StatusOf(stateName) is { } status)
        {
            if (!_classes.TryGetValue(status, out var ids))
            {
                _classes[status] = ids = [];
            }

            ids.Add(id);
        }
    }

    /// <summary>Mermaid's entity codes keep quotes and markup characters literal; new lines become line breaks.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '#' => "#35;",
                '&' => "#amp;",
                '\n' => "<br/>",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
