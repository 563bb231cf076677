using System.Collections.Immutable;
using Stepwise.Json;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// The bookkeeping of a running Parallel or Map state, kept on the frame that runs it: child frames, results in
/// order, and (for Map) the items still queued behind MaxConcurrency.
/// </summary>
internal sealed class FanOut
{
    public required JsonValue[] Items { get; init; }

    private JsonValue?[] _results = [];
    private int[] _childIds = [];

    // Set when this fan-out is a copy: the arrays are then the previous snapshot's, which must not change, and the
    // first write copies them. A decision copies them at most once, where an immutable list copied a path per write.
    private bool _resultsShared;
    private bool _childIdsShared;

    /// <summary>The result per branch or item, in order; null while it has none.</summary>
    public ReadOnlySpan<JsonValue?> Results => _results;

    /// <summary>Child frame id per branch or item; 0 while the item is still queued.</summary>
    public ReadOnlySpan<int> ChildIds => _childIds;

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

    /// <summary>
    /// Starts <paramref name="count"/> empty slots (no result, no child), or the results a redrive carries over
    /// (<paramref name="carried"/>, copied: the frame's own stays as it was).
    /// </summary>
    public void StartSlots(int count, JsonValue?[]? carried = null)
    {
        _results = carried is null ? new JsonValue?[count] : (JsonValue?[])carried.Clone();
        _childIds = new int[count];
        _resultsShared = false;
        _childIdsShared = false;
    }

    /// <summary>Takes a stored fan-out's slots as they were written.</summary>
    public void LoadSlots(JsonValue?[] results, int[] childIds)
    {
        _results = results;
        _childIds = childIds;
    }

    public void SetResult(int index, JsonValue? result)
    {
        if (_resultsShared)
        {
            _results = (JsonValue?[])_results.Clone();
            _resultsShared = false;
        }

        _results[index] = result;
    }

    public void SetChildId(int index, int childId)
    {
        if (_childIdsShared)
        {
            _childIds = (int[])_childIds.Clone();
            _childIdsShared = false;
        }

        _childIds[index] = childId;
    }

    /// <summary>Forgets every child (they were removed), keeping the results.</summary>
    public void ClearChildIds()
    {
        _childIds = new int[_childIds.Length];
        _childIdsShared = false;
    }

    public FanOut Clone() => new()
    {
        Items = Items,
        _results = _results,
        _childIds = _childIds,
        _resultsShared = true,
        _childIdsShared = true,
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
