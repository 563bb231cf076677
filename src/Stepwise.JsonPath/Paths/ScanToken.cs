using System.Text;

namespace Stepwise.JsonPath.Paths;

/// <summary><c>..</c>: deep scan; the next token applies to the current node and every node below it.</summary>
internal sealed class ScanToken : PathToken
{
    public static readonly ScanToken Instance = new();

    private ScanToken()
    {
    }

    public override bool IsDefinite => false;

    public override void AppendNormalized(StringBuilder builder) => builder.Append("..");
}
