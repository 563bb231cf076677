using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>A task returned <paramref name="Output"/>.</summary>
public sealed record TaskSucceededStimulus(long TaskId, JsonValue Output) : Stimulus;
