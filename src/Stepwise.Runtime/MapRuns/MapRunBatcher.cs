using Stepwise.Json;

namespace Stepwise.Runtime.MapRuns;

/// <summary>A distributed Map's ItemBatcher, its limits and BatchInput evaluated against the state's input.</summary>
/// <param name="MaxItemsPerBatch">At most this many items per batch; 0 = no item limit.</param>
/// <param name="MaxInputBytesPerBatch">At most this many UTF-8 bytes of a batch's whole input (already capped at the payload limit).</param>
/// <param name="BatchInput">The same JSON in every batch, or null.</param>
public sealed record MapRunBatcher(long MaxItemsPerBatch, long MaxInputBytesPerBatch, JsonValue? BatchInput);
