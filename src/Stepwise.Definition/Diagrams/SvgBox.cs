using Stepwise.Definition.Model;

namespace Stepwise.Definition.Diagrams;

/// <summary>
/// A state, the start or end marker, or a container (Parallel, branch, Map) in an SVG diagram. A container lays out its
/// children itself, so its size is that of its content; positions are local to the parent until made absolute.
/// </summary>
internal sealed class SvgBox(string id, string? stateName, string text, StateType? type, bool terminal, bool container)
{
    public string Id { get; } = id;

    /// <summary>The state this box draws; null for branches and the start and end markers.</summary>
    public string? StateName { get; } = stateName;

    /// <summary>The lines of a state's text, or a container's title.</summary>
    public string[] Lines { get; } = text.Split('\n');

    public StateType? Type { get; } = type;

    public bool Terminal { get; } = terminal;

    public bool IsContainer { get; } = container;

    public List<SvgBox> Children { get; } = [];

    public List<SvgEdge> Edges { get; } = [];

    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    /// <summary>The layer within the parent: the longest path from the parent's first box, back edges ignored.</summary>
    public int Rank { get; set; }

    public double CentreX => X + Width / 2;

    public double CentreY => Y + Height / 2;
}
