using System.Collections.Immutable;
using Stepwise.Definition.Model;
using Stepwise.Json;

namespace Stepwise.Runtime.Decisions;

internal sealed partial class Stepper
{
    /// <summary>
    /// Redrives a closed execution (AWS developer guide, "Redriving executions"): records ExecutionRedriven and runs
    /// again, from its state input, every state that did not succeed: the state that failed, or the states a stop or
    /// timeout cut short. What succeeded is not re-run: the frames that finished stay finished, a Map or Parallel state
    /// cut short keeps its finished iterations and branches, and one that failed keeps the results of those that
    /// succeeded (see <see cref="Frame.RedriveResults"/>).
    /// </summary>
    private void Redrive()
    {
        if (_snapshot.Outcome is null or ExecutionOutcome.Succeeded)
        {
            throw new InvalidOperationException("Only a FAILED, ABORTED or TIMED_OUT execution can be redriven.");
        }

        int redriveCount = (_snapshot.Info.RedriveCount ?? 0) + 1;
        _snapshot.Info = _snapshot.Info with { RedriveCount = redriveCount };
        _snapshot.ContextParts = null;
        _snapshot.Outcome = null;
        _snapshot.Output = null;
        _snapshot.Error = null;
        _snapshot.Cause = null;

        // Like the other execution-level events, ExecutionRedriven is outside every chain; the states run again after it.
        long redriven = Emit(null, "ExecutionRedriven", "executionRedrivenEventDetails",
            JsonObject.Create(("redriveCount", (JsonValue)redriveCount)));
        foreach (var (_, frame) in _frames)
        {
            if (frame.Kind == FrameKind.Root)
            {
                var root = GetFrame(frame.Id);
                Revive(root, redriven);

                // The execution's own timeout runs again from the redrive, or a timed-out execution could not proceed.
                if (_definition.TimeoutSeconds is long timeout)
                {
                    _snapshot.ExecutionTimerId = StartTimer(root.Id, TimerPurpose.ExecutionTimeout, TimeSpan.FromSeconds(timeout));
                }

                break;
            }
        }
    }

    /// <summary>Makes <paramref name="frame"/> run again from the state it did not finish, or its unfinished children.</summary>
    private void Revive(Frame frame, long previous)
    {
        if (frame.Phase == FramePhase.Done && !frame.Failed)
        {
            return;
        }

        if (frame.Phase == FramePhase.WaitingChildren && frame.FanOut is { MapRunArn: null } fan)
        {
            // A stop or timeout cut the Map or Parallel state short: only its unfinished children run again.
            foreach (int childId in fan.ChildIds)
            {
                if (childId != 0 && TryGetFrame(childId, out var child))
                {
                    Revive(child, previous);
                }
            }

            return;
        }

        // A distributed Map whose run failed or was cut short redrives that run (MapRunRedriven) when it starts again.
        frame.RedriveMapRun = frame.LastMapRunArn is not null && CurrentState(frame) is MapState;
        frame.Phase = FramePhase.Enter;
        frame.Failed = false;
        frame.Output = null;
        frame.Error = null;
        frame.Cause = null;
        frame.TaskId = 0;
        frame.TimerId = 0;
        frame.HeartbeatTimerId = 0;
        frame.TaskToken = null;
        frame.FanOut = null;
        frame.LastEventId = previous;
        _runnable.Enqueue(frame.Id);
    }

    /// <summary>
    /// Keeps, on the frame whose Map or Parallel state is failing because of <paramref name="fan"/>'s children, the
    /// results of the children that succeeded, so a redrive of that state re-runs only the others. A retry or catcher
    /// of the state drops them (a retry re-runs every branch, as AWS retries a whole Parallel or Map state).
    /// </summary>
    private static void KeepRedriveResults(Frame frame, FanOut fan)
    {
        var results = fan.Results.ToArray();
        foreach (int index in fan.FailedItems)
        {
            results[index] = null;
        }

        frame.RedriveResults = results;
    }

    /// <summary>
    /// The results a redrive carries over into the Map or Parallel state <paramref name="frame"/> starts now, if it
    /// failed before with <paramref name="count"/> children; taking them clears them.
    /// </summary>
    private static JsonValue?[]? TakeRedriveResults(Frame frame, int count)
    {
        var results = frame.RedriveResults;
        frame.RedriveResults = null;
        return results is not null && results.Length == count ? results : null;
    }
}
