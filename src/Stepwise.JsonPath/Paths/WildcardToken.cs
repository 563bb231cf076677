using System.Text;

namespace Stepwise.JsonPath.Paths;

/// <summary><c>.*</c> or <c>[*]</c>: every member value of an object, every element of an array.</summary>
internal sealed class WildcardToken : PathToken
{
    public static readonly WildcardToken Instance = new();

    private WildcardToken()
    {
    }

    public override bool IsDefinite => false;

    public override void AppendNormalized(StringBuilder builder) => builder.Append("[*]");
}
