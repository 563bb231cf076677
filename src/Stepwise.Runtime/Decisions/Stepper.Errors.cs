using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Retry;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Decisions;

internal sealed partial class Stepper
{
    private void StateFailed(Frame frame, State state, AslError error) => StateFailed(frame, state, error.Error, error.Cause);

    /// <summary>
    /// The current state failed: retry it if a retrier matches and has attempts left, else record the Map/Parallel
    /// failure event, then go to the first matching catcher, else fail the frame.
    /// </summary>
    private void StateFailed(Frame frame, State state, string? error, string? cause)
    {
        string errorName = error ?? string.Empty;
        Inspector?.Failing(error, cause);
        if (!ErrorMatcher.IsTerminal(errorName))
        {
            var retry = RetryOf(state);
            for (int i = 0; i < retry.Count; i++)
            {
                var retrier = retry[i];
                if (!ErrorMatcher.Matches(retrier.ErrorEquals, errorName))
                {
                    continue;
                }

                // Only the first matching retrier counts; once it is exhausted the error goes to the catchers.
                if (frame.RetrierAttempts[i] < retrier.MaxAttempts)
                {
                    double unit = retrier.JitterStrategy == JitterStrategy.Full ? _random.NextDouble() : 0;
                    var delay = RetryMath.Delay(retrier, frame.RetrierAttempts[i], unit);
                    frame.RetrierAttempts[i]++;
                    frame.RetryCount++;
                    frame.TimerId = StartTimer(frame.Id, TimerPurpose.Retry, delay);
                    frame.Phase = FramePhase.WaitingRetry;
                    Inspector?.Retry(i, delay);
                    frame.RedriveResults = null;
                    frame.LastMapRunArn = null;
                    return;
                }

                Inspector?.RetriesExhausted(i);
                break;
            }
        }

        // A terminal error (States.Runtime) fails the execution straight away, without MapStateFailed/ParallelStateFailed.
        if (state is MapState && !ErrorMatcher.IsTerminal(errorName))
        {
            Emit(frame, "MapStateFailed", null, null);
        }
        else if (state is ParallelState && !ErrorMatcher.IsTerminal(errorName))
        {
            Emit(frame, "ParallelStateFailed", null, null);
        }

        if (!ErrorMatcher.IsTerminal(errorName))
        {
            var catchers = CatchOf(state);
            for (int i = 0; i < catchers.Count; i++)
            {
                var catcher = catchers[i];
                if (!ErrorMatcher.Matches(catcher.ErrorEquals, errorName))
                {
                    continue;
                }

                frame.RedriveResults = null;
                frame.LastMapRunArn = null;

                // A timeout has no cause: the execution's failure records none, yet a catcher sees "Cause": "" (the
                // corpus's test_invoke_timeout).
                Inspector?.Catch(i);
                bool isTimeout = errorName is StatesErrors.Timeout or StatesErrors.HeartbeatTimeout;
                var errorOutput = ErrorOutput(error, cause ?? (isTimeout ? string.Empty : null));

                // A catcher's Assign reads the error output and writes the scope of the state's own frame.
                // Its failures end the frame: going through the catchers again would catch them with this catcher.
                if (IsJsonata(state))
                {
                    CatchJsonata(frame, state, i, catcher, errorOutput);
                }
                else if (!TryEvaluateAssign(frame, state, catcher.Assign, errorOutput, out var assigned, out var assignError)
                    || (assigned is not null && !VariableLimits.TryCheck(state.Name, frame.Variables, assigned, out assignError)))
                {
                    var prefixed = WithStatePrefix(frame, state, assignError);
                    FrameFailed(frame, prefixed.Error, prefixed.Cause);
                }
                else if (catcher.ResultPath.IsNull)
                {
                    ExitState(frame, state, frame.StateInput, catcher.Next, assigned);
                }
                else if (catcher.ResultPath.Path is null)
                {
                    ExitState(frame, state, errorOutput, catcher.Next, assigned);
                }
                else if (catcher.ResultPath.Path.TryApply(frame.StateInput, errorOutput, out var output, out var applyError))
                {
                    ExitState(frame, state, output, catcher.Next, assigned);
                }
                else
                {
                    var prefixed = WithStatePrefix(frame, state, applyError);
                    FrameFailed(frame, prefixed.Error, prefixed.Cause);
                }

                return;
            }
        }

        FrameFailed(frame, error, cause);
    }

    private void FrameSucceeded(Frame frame, JsonValue output)
    {
        frame.Phase = FramePhase.Done;
        frame.Output = output;
        if (frame.Kind == FrameKind.Root)
        {
            FinishExecution(ExecutionOutcome.Succeeded, frame.LastEventId, output, null, null);
            return;
        }

        OnChildDone(GetFrame(frame.ParentId), frame);
    }

    private void FrameFailed(Frame frame, string? error, string? cause)
    {
        frame.Phase = FramePhase.Done;
        frame.Failed = true;
        frame.Error = error;
        frame.Cause = cause;
        if (frame.Kind == FrameKind.Root)
        {
            FinishExecution(ExecutionOutcome.Failed, frame.LastEventId, null, error, cause);
            return;
        }

        OnChildDone(GetFrame(frame.ParentId), frame);
    }

    private void OnTimerFired(long timerId)
    {
        if (!_snapshot.Timers.TryGetValue(timerId, out var timer))
        {
            return;
        }

        _snapshot.Timers = _snapshot.Timers.Remove(timerId);

        if (timer.Purpose == TimerPurpose.ExecutionTimeout)
        {
            // Like ExecutionAborted, AWS records ExecutionTimedOut outside every chain, with previousEventId 0 (as
            // measured on AWS in floci-io/floci#2965).
            FinishExecution(ExecutionOutcome.TimedOut, 0, null, StatesErrors.Timeout, null);
            return;
        }

        if (!TryGetFrame(timer.FrameId, out var frame))
        {
            return;
        }

        switch (timer.Purpose)
        {
            case TimerPurpose.Wait when frame.Phase == FramePhase.WaitingTimer && frame.TimerId == timerId:
                OnWaitElapsed(frame);
                break;
            case TimerPurpose.Retry when frame.Phase == FramePhase.WaitingRetry && frame.TimerId == timerId:
                frame.TimerId = 0;
                ExecuteState(frame, CurrentState(frame));
                break;
            case TimerPurpose.TaskTimeout when frame.Phase == FramePhase.WaitingTask && frame.TimerId == timerId:
                frame.TimerId = 0;
                TimeOutTask(frame, StatesErrors.Timeout);
                break;
            case TimerPurpose.HeartbeatTimeout when frame.Phase == FramePhase.WaitingTask && frame.HeartbeatTimerId == timerId:
                frame.HeartbeatTimerId = 0;
                TimeOutTask(frame, StatesErrors.HeartbeatTimeout);
                break;
        }

        _runnable.Enqueue(frame.Id);
    }
}
