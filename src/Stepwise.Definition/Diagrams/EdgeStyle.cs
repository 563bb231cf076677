namespace Stepwise.Definition.Diagrams;

/// <summary>How an edge is drawn: transitions solid, a Choice's Default dotted, Catch edges dashed.</summary>
internal enum EdgeStyle
{
    Solid,
    Dotted,
    Dashed,
}
