using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath;

/// <summary>
/// Read access to the variables in scope (<c>Assign</c>): a JSONPath state reads them as <c>$name</c>, a path as
/// <c>$name.a.b</c>. The runtime implements it over its frame's variable scope.
/// </summary>
public interface IVariableReader
{
    /// <summary>The value of the variable <paramref name="name"/> (without the <c>$</c>), or false when it is not in scope.</summary>
    bool TryGetVariable(string name, [NotNullWhen(true)] out JsonValue? value);
}
