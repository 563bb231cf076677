namespace Stepwise.Definition.Diagrams;

/// <summary>The text formats <see cref="StateDiagram"/> writes.</summary>
public enum DiagramFormat
{
    /// <summary>A Mermaid flowchart (renders in GitHub Markdown).</summary>
    Mermaid,

    /// <summary>Graphviz DOT (<c>dot -Tsvg</c> draws it).</summary>
    Dot,

    /// <summary>A self-contained SVG picture, laid out here (no Graphviz needed).</summary>
    Svg,
}
