using Stepwise.Definition.Model;

namespace Stepwise.Runtime.Decisions;

/// <summary>The map runs' summaries (DescribeMapRun) and UpdateMapRun.</summary>
internal sealed partial class Stepper
{
    /// <summary>Records a new map run with the limits its Map state resolved; a redrive's carried results count as succeeded.</summary>
    private void StartMapRun(FanOut fan, string mapRunArn)
    {
        _snapshot.MapRuns = _snapshot.MapRuns.Add(new MapRunSummary(mapRunArn, _now)
        {
            MaxConcurrency = fan.MaxConcurrency,
            ToleratedFailureCount = fan.ToleratedFailureCount,
            ToleratedFailurePercentage = fan.ToleratedFailurePercentage,
            Total = fan.Items.Length,
            Succeeded = fan.Completed,
        });
    }

    /// <summary>Adds to the item counts of <paramref name="fan"/>'s map run; nothing for an inline Map.</summary>
    private void CountMapRunItem(FanOut fan, int running, int succeeded, int failed)
    {
        if (fan.MapRunArn is not null && FindMapRun(fan.MapRunArn) is (int index, MapRunSummary run))
        {
            _snapshot.MapRuns = _snapshot.MapRuns.SetItem(index, run with
            {
                Running = run.Running + running,
                Succeeded = run.Succeeded + succeeded,
                Failed = run.Failed + failed,
            });
        }
    }

    /// <summary>
    /// Ends <paramref name="fan"/>'s map run: the child executions still running count as aborted. A run that failed is
    /// first ended as aborted (its children are aborted), then as failed; the later status wins.
    /// </summary>
    private void EndMapRun(FanOut fan, string status)
    {
        if (fan.MapRunArn is not null && FindMapRun(fan.MapRunArn) is (int index, MapRunSummary run))
        {
            _snapshot.MapRuns = _snapshot.MapRuns.SetItem(index, run with
            {
                Status = status,
                StopDate = _now,
                Running = 0,
                Aborted = run.Aborted + run.Running,
            });
        }
    }

    /// <summary>When the execution ends, a run still running ends with it, aborted (AWS aborts a finished execution's map runs).</summary>
    private void AbortRunningMapRuns()
    {
        var runs = _snapshot.MapRuns;
        for (int i = 0; i < runs.Count; i++)
        {
            if (string.Equals(runs[i].Status, MapRunStatuses.Running, StringComparison.Ordinal))
            {
                runs = runs.SetItem(i, runs[i] with
                {
                    Status = MapRunStatuses.Aborted,
                    StopDate = _now,
                    Running = 0,
                    Aborted = runs[i].Aborted + runs[i].Running,
                });
            }
        }

        _snapshot.MapRuns = runs;
    }

    private (int Index, MapRunSummary Run)? FindMapRun(string mapRunArn)
    {
        var runs = _snapshot.MapRuns;
        for (int i = runs.Count - 1; i >= 0; i--)
        {
            if (string.Equals(runs[i].MapRunArn, mapRunArn, StringComparison.Ordinal))
            {
                return (i, runs[i]);
            }
        }

        return null;
    }

    /// <summary>
    /// UpdateMapRun: the running map run takes the new limits; queued items start at once when the new MaxConcurrency
    /// allows more, and the tolerated failures apply from the next failure on (AWS re-evaluates the threshold then).
    /// </summary>
    private void UpdateMapRun(MapRunUpdateRequestedStimulus update)
    {
        foreach (var candidate in _frames.Values)
        {
            if (candidate.Phase != FramePhase.WaitingChildren
                || !string.Equals(candidate.FanOut?.MapRunArn, update.MapRunArn, StringComparison.Ordinal))
            {
                continue;
            }

            var frame = GetFrame(candidate.Id);
            var fan = frame.FanOut!;
            fan.MaxConcurrency = update.MaxConcurrency ?? fan.MaxConcurrency;
            fan.ToleratedFailureCount = update.ToleratedFailureCount ?? fan.ToleratedFailureCount;
            fan.ToleratedFailurePercentage = update.ToleratedFailurePercentage ?? fan.ToleratedFailurePercentage;
            var (index, run) = FindMapRun(update.MapRunArn)!.Value;
            _snapshot.MapRuns = _snapshot.MapRuns.SetItem(index, run with
            {
                MaxConcurrency = fan.MaxConcurrency,
                ToleratedFailureCount = fan.ToleratedFailureCount,
                ToleratedFailurePercentage = fan.ToleratedFailurePercentage,
            });
            StartIterations(frame, (MapState)CurrentState(frame));
            return;
        }

        throw new InvalidOperationException($"The execution has no running map run {update.MapRunArn}.");
    }
}
