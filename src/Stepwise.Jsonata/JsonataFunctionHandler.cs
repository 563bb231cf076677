using Stepwise.Json;

namespace Stepwise.Jsonata;

/// <summary>
/// A host function callable from expressions. <paramref name="arguments"/> are the call's arguments after signature
/// validation (null = undefined; a missing context argument already filled in); return null for undefined.
/// Throw <see cref="JsonataException"/> to fail the evaluation with a JSONata error.
/// </summary>
public delegate JsonValue? JsonataFunctionHandler(IReadOnlyList<JsonValue?> arguments, JsonataFunctionContext context);
