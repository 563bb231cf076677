using System.Text;

namespace Stepwise.JsonPath.Paths;

/// <summary>
/// <c>[from:to]</c>, <c>[:to]</c>, <c>[from:]</c>: a range of array elements, <c>to</c> exclusive, negative bounds
/// counting from the end. Jayway has no step; bounds past the end are clamped.
/// </summary>
internal sealed class SliceToken(int? from, int? to) : PathToken
{
    public int? From { get; } = from;

    public int? To { get; } = to;

    public override bool IsDefinite => false;

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        if (From is int from)
        {
            builder.Append(from);
        }

        builder.Append(':');
        if (To is int to)
        {
            builder.Append(to);
        }

        builder.Append(']');
    }

    /// <summary>The element range [start, end) the slice selects in an array of <paramref name="length"/> elements.</summary>
    public (int Start, int End) Resolve(int length)
    {
        int start = From is int f ? (f < 0 ? Math.Max(0, length + f) : Math.Min(f, length)) : 0;
        int end = To is int t ? (t < 0 ? Math.Max(0, length + t) : Math.Min(t, length)) : length;
        return (start, Math.Max(start, end));
    }
}
