using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Syntax;

/// <summary>An argument of an intrinsic call, parsed once: a literal, a path, or a nested call.</summary>
internal abstract class IntrinsicExpression
{
    /// <summary>
    /// The argument's value in <paramref name="scope"/>, or false with the detail AWS puts after
    /// "had the following error: " in the cause.
    /// </summary>
    public abstract bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, [NotNullWhen(false)] out string? failure);
}
