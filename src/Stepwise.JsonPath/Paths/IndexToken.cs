using System.Text;

namespace Stepwise.JsonPath.Paths;

/// <summary><c>[0]</c>, <c>[-1]</c> or <c>[0,2]</c>: array elements by position (negative counts from the end).</summary>
internal sealed class IndexToken(int[] indexes) : PathToken
{
    public int[] Indexes { get; } = indexes;

    public override bool IsDefinite => Indexes.Length == 1;

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        for (int i = 0; i < Indexes.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Indexes[i]);
        }

        builder.Append(']');
    }
}
