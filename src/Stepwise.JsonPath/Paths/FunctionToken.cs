using System.Text;

namespace Stepwise.JsonPath.Paths;

/// <summary>
/// <c>.length()</c>, <c>.sum()</c>, ...: Jayway's path functions. AWS accepts them in a definition but they never
/// find anything at run time ("The JSONPath '$.Jobs.sum()' specified for the field 'Jobs.$' could not be found in
/// the input", as AWS answers on re:Post), so the token parses and always matches nothing.
/// </summary>
internal sealed class FunctionToken(string name, string arguments) : PathToken
{
    public string Name { get; } = name;

    public override bool IsDefinite => true;

    public override void AppendNormalized(StringBuilder builder) => builder.Append('.').Append(Name).Append('(').Append(arguments).Append(')');
}
