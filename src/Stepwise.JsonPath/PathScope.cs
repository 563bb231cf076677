using Stepwise.Json;

namespace Stepwise.JsonPath;

/// <summary>
/// What paths, payload templates and intrinsic functions read: the state's effective input (<c>$</c>), the context
/// object (<c>$$</c>), the variables in scope (<c>$name</c>) and the execution's seeded random source (States.UUID,
/// States.MathRandom: the runtime is deterministic and never uses <c>Random.Shared</c> or <c>Guid.NewGuid</c>).
/// </summary>
/// <param name="Input">The value <c>$</c> denotes.</param>
/// <param name="Context">The context object <c>$$</c> denotes.</param>
/// <param name="Variables">The variables in scope; null when the state sees none.</param>
/// <param name="Random">The execution's seeded random source; null where no intrinsic may draw from it.</param>
public readonly record struct PathScope(JsonValue Input, JsonValue Context, IVariableReader? Variables = null, Random? Random = null);
