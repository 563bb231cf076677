namespace Stepwise.Runtime.Decisions;

/// <summary>Which part of the definition a frame runs.</summary>
internal enum FrameKind
{
    Root,
    Branch,
    Iteration,
}
