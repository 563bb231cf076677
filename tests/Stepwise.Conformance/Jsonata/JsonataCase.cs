using Stepwise.Json;

namespace Stepwise.Conformance.Jsonata;

/// <summary>One case of the jsonata-js test suite (see the corpus README for the format).</summary>
internal sealed record JsonataCase(string Id, string Group, JsonObject Definition, string Folder);
