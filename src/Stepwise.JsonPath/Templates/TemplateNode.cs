using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Templates;

/// <summary>A compiled piece of a payload template; evaluation builds only the parts that depend on the scope.</summary>
internal abstract class TemplateNode
{
    public abstract bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error);
}
