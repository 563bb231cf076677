using Stepwise.Json;

namespace Stepwise.Jsonata.Bench;

/// <summary>One expression of the reference benchmark, with its input and jsonata-js's result.</summary>
internal sealed record BenchCase(string Id, string Expression, JsonValue? Input, JsonataBindings? Bindings, JsonValue? Expected);
