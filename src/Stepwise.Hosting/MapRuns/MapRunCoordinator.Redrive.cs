using Stepwise.Storage.MapRuns;

namespace Stepwise.Hosting.MapRuns;

/// <summary>
/// A redrive of the run (AWS developer guide, "Redriving Map Runs") reruns only the children that did not succeed.
/// STANDARD children keep their outcome in their own execution (the host finds them by name); EXPRESS children keep
/// none, so the run hands the results of those that succeeded to the host when it fails or is aborted, and a redrive
/// reads them back (<see cref="Reuse"/>) instead of running those children again. Only a run without a ResultWriter
/// holds its results to hand over (at most the payload limit); with one, its EXPRESS children all run again.
/// </summary>
internal sealed partial class MapRunCoordinator
{
    private List<MapRunChildResult>? _toKeep;
    private IAsyncEnumerable<MapRunChildResult>? _reused;
    private IAsyncEnumerator<MapRunChildResult>? _kept;
    private MapRunChildResult? _keptCurrent;
    private bool _keptEnded;

    /// <summary>
    /// The results a previous attempt of the run kept, in ascending index order (the store's
    /// <see cref="IMapRunStore.ReadResultsAsync"/>): each succeeded child among them is not run again.
    /// </summary>
    public void Reuse(IAsyncEnumerable<MapRunChildResult> results) => _reused = results;

    /// <summary>The results of EXPRESS children that succeeded in a run that failed or was aborted, for the store to keep; taking them clears them.</summary>
    public IReadOnlyList<MapRunChildResult> TakeKeptResults()
    {
        lock (_lock)
        {
            var kept = _toKeep;
            _toKeep = null;
            return kept ?? (IReadOnlyList<MapRunChildResult>)[];
        }
    }

    /// <summary>The run ends unsuccessfully: the results of its EXPRESS children that succeeded are kept for a redrive.</summary>
    private void KeepSucceeded(RunState run)
    {
        if (run.SucceededExpress.Count == 0)
        {
            return;
        }

        var kept = new List<MapRunChildResult>(run.SucceededExpress.Count);
        foreach (long index in run.SucceededExpress)
        {
            if (run.Results[checked((int)index)] is { } output)
            {
                kept.Add(new MapRunChildResult(index, "SUCCEEDED", null, output.ToJsonString(), null, null));
            }
        }

        lock (_lock)
        {
            _toKeep = kept;
        }
    }

    /// <summary>The kept result of child <paramref name="index"/> when it succeeded before; children are asked for in ascending order.</summary>
    private async ValueTask<MapRunChildResult?> KeptResultAsync(long index, CancellationToken cancellationToken)
    {
        if (_reused is null || _keptEnded)
        {
            return null;
        }

        _kept ??= _reused.GetAsyncEnumerator(cancellationToken);
        while (_keptCurrent is null || _keptCurrent.Index < index)
        {
            if (!await _kept.MoveNextAsync().ConfigureAwait(false))
            {
                _keptEnded = true;
                return null;
            }

            _keptCurrent = _kept.Current;
        }

        var current = _keptCurrent;
        return current.Index == index && current is { Status: "SUCCEEDED", Output: not null } ? current : null;
    }
}
