using System.Collections.Immutable;
using Stepwise.Json;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// The bookkeeping of a running Parallel or Map state, kept on the frame that runs it: child frames, results in
/// order, and (for Map) the items still queued behind MaxConcurrency.
/// </summary>
internal sealed class FanOut
{
    public required JsonValue[] Items { get; set; }

    public required ImmutableList<JsonValue?> Results { get; set; }

    /// <summary>Child frame id per branch or item; 0 while the item is still queued.</summary>
    public required ImmutableList<int> ChildIds { get; set; }

    /// <summary>The state's effective input (after InputPath), which ItemSelector reads as <c>$</c>.</summary>
    public required JsonValue EffectiveInput { get; init; }

    /// <summary>Map: how many iterations may run at once (0 = no limit).</summary>
    public long MaxConcurrency { get; set; }

    public long ToleratedFailureCount { get; set; } = -1;

    public double ToleratedFailurePercentage { get; set; } = -1;

    /// <summary>A distributed Map's Map Run, which the host runs while the frame waits; null otherwise.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>Map: the items whose iteration failed within the tolerated failures (their result is the error output).</summary>
    public ImmutableHashSet<int> FailedItems { get; set; } = [];

    public int NextItem { get; set; }

    public int Running { get; set; }

    public int Completed { get; set; }

    public int Failures { get; set; }

    /// <summary>The id of the last MapIterationSucceeded/Failed event; MapStateSucceeded follows it.</summary>
    public long LastCompletionEventId { get; set; }

    public FanOut Clone() => new()
    {
        Items = Items,
        Results = Results,
        ChildIds = ChildIds,
        EffectiveInput = EffectiveInput,
        MaxConcurrency = MaxConcurrency,
        ToleratedFailureCount = ToleratedFailureCount,
        ToleratedFailurePercentage = ToleratedFailurePercentage,
        FailedItems = FailedItems,
        NextItem = NextItem,
        Running = Running,
        Completed = Completed,
        Failures = Failures,
        LastCompletionEventId = LastCompletionEventId,
        MapRunArn = MapRunArn,
    };
}
