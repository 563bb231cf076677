using System.Text;

namespace Stepwise.JsonPath.Paths;

/// <summary>
/// One step of a compiled path, shaped after Jayway JsonPath's tokens (AWS evaluates Paths with Jayway), so that
/// evaluation and the error texts AWS copies from Jayway (<c>$['a'][0]</c>) follow the same rules.
/// </summary>
internal abstract class PathToken
{
    /// <summary>True when the token selects at most one node (a single name or a single index).</summary>
    public abstract bool IsDefinite { get; }

    /// <summary>Appends Jayway's normalized form of the token (<c>['a']</c>, <c>[0]</c>, <c>[*]</c>, <c>..</c>).</summary>
    public abstract void AppendNormalized(StringBuilder builder);
}
