namespace Stepwise.Definition.Diagrams;

/// <summary>A transition between two boxes of the same container, as <see cref="SvgWriter"/> draws it.</summary>
internal readonly record struct SvgEdge(SvgBox From, SvgBox To, string? Label, EdgeStyle Style);
