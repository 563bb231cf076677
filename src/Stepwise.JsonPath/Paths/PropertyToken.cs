using System.Text;

namespace Stepwise.JsonPath.Paths;

/// <summary><c>.name</c>, <c>['name']</c> or <c>['a','b']</c>: object members by name.</summary>
internal sealed class PropertyToken(string[] names) : PathToken
{
    public string[] Names { get; } = names;

    public override bool IsDefinite => Names.Length == 1;

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        for (int i = 0; i < Names.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            // Jayway prints names between single quotes without escaping them.
            builder.Append('\'').Append(Names[i]).Append('\'');
        }

        builder.Append(']');
    }
}
