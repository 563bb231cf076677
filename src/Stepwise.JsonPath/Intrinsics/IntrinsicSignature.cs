namespace Stepwise.JsonPath.Intrinsics;

/// <summary>A function's name as written (<c>States.Format</c>) and how many arguments a call may pass.</summary>
/// <param name="Function">The function.</param>
/// <param name="Name">The full, case-sensitive name, including the <c>States.</c> prefix.</param>
/// <param name="MinArguments">The fewest arguments a call may pass.</param>
/// <param name="MaxArguments">The most arguments a call may pass; <see cref="int.MaxValue"/> when unbounded.</param>
internal readonly record struct IntrinsicSignature(IntrinsicFunction Function, string Name, int MinArguments, int MaxArguments);
