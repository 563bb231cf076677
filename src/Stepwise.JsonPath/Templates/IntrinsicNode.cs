using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Templates;

/// <summary>The value of a <c>"x.$"</c> key that is an intrinsic function call (<c>States.Format(...)</c>).</summary>
internal sealed class IntrinsicNode(string text) : TemplateNode
{
    public override bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        // SEAM(intrinsics): replaced by IntrinsicCall.TryEvaluate once branch 'intrinsics' provides it.
        value = null;
        error = new AslError(StatesErrors.IntrinsicFailure, $"The intrinsic function call '{text}' is not supported yet.");
        return false;
    }
}
