using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath.Intrinsics;

namespace Stepwise.JsonPath.Templates;

/// <summary>The value of a <c>"x.$"</c> key that is an intrinsic function call (<c>States.Format(...)</c>).</summary>
internal sealed class IntrinsicNode(IntrinsicCall call) : TemplateNode
{
    // The call words its own failure (AWS names the whole call in the cause), so it passes through unchanged.
    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error) =>
        call.TryEvaluate(scope, out value, out error);
}
