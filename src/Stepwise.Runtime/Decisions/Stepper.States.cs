using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Choice;

namespace Stepwise.Runtime.Decisions;

internal sealed partial class Stepper
{
    private void EnterState(Frame frame)
    {
        var state = CurrentState(frame);
        frame.EnteredTime = _now;
        frame.RetryCount = 0;
        frame.RetrierAttempts = RetryOf(state).Count == 0 ? [] : new int[RetryOf(state).Count];
        if (Inspector is { RetrierRetryCount: > 0 } inspector)
        {
            Array.Fill(frame.RetrierAttempts, inspector.RetrierRetryCount);
        }

        frame.EnteredPreviousEventId = frame.LastEventId;
        frame.EnteredEventId = EmitLazy(frame, StateEventTypes.Entered(state.Type), "stateEnteredEventDetails",
            LazyEventDetails.Entered(state.Name, frame.StateInput));
        ExecuteState(frame, state);
    }

    /// <summary>Runs the current state's work; called on entry and again for each retry (without a new StateEntered).</summary>
    private void ExecuteState(Frame frame, State state)
    {
        if (IsJsonata(state))
        {
            ExecuteJsonataState(frame, state);
            return;
        }

        switch (state)
        {
            case PassState pass:
                ExecutePass(frame, pass);
                break;
            case TaskState task:
                ExecuteTask(frame, task);
                break;
            case ChoiceState choice:
                ExecuteChoice(frame, choice);
                break;
            case WaitState wait:
                ExecuteWait(frame, wait);
                break;
            case SucceedState succeed:
                ExecuteSucceed(frame, succeed);
                break;
            case FailState fail:
                ExecuteFail(frame, fail);
                break;
            case ParallelState parallel:
                ExecuteParallel(frame, parallel);
                break;
            case MapState map:
                ExecuteMap(frame, map);
                break;
            default:
                throw new InvalidOperationException($"Unknown state type {state.GetType().Name}.");
        }
    }

    private void ExecutePass(Frame frame, PassState state)
    {
        if (!TryApplyPath(frame, state, state.InputPath, frame.StateInput, out var effective))
        {
            return;
        }

        var parameters = effective;
        if (state.Parameters is not null && !TryApplyTemplate(frame, state, state.Parameters, Scope(frame, state, effective), out parameters))
        {
            return;
        }

        // Result is a literal; it replaces the effective input as the state's result. Assign reads that result.
        var result = state.Result ?? parameters;
        if (Inspector is { } inspector)
        {
            // TestState reports a Pass state's Result as its result and then skips InputPath and Parameters, as AWS
            // does (the corpus's IO_RESULT_PASS_STATE); otherwise the effective input is what ResultSelector sees.
            if (state.Result is not null)
            {
                inspector.Data.Result = state.Result;
            }
            else
            {
                inspector.Data.AfterInputPath = effective;
                inspector.Data.AfterParameters = parameters;
            }

            inspector.Data.AfterResultSelector = result;
        }

        if (!TryEvaluateAssign(frame, state, state.Assign, result, out var assigned)
            || !TryApplyResultPath(frame, state, state.ResultPath, frame.StateInput, result, out var output))
        {
            return;
        }

        Inspector?.Data.AfterResultPath = output;
        if (!TryApplyPath(frame, state, state.OutputPath, output, out output))
        {
            return;
        }

        ExitState(frame, state, output, state.Next, assigned);
    }

    private void ExecuteSucceed(Frame frame, SucceedState state)
    {
        if (!TryApplyPath(frame, state, state.InputPath, frame.StateInput, out var effective))
        {
            return;
        }

        Inspector?.Data.AfterInputPath = effective;
        if (!TryApplyPath(frame, state, state.OutputPath, effective, out var output))
        {
            return;
        }

        ExitState(frame, state, output, null);
    }

    private void ExecuteFail(Frame frame, FailState state)
    {
        string? error = state.Error;
        string? cause = state.Cause;

        // A Fail state has no InputPath; TestState still reports its input as the input after it.
        Inspector?.Data.AfterInputPath = frame.StateInput;
        if (state.ErrorPath is not null && !TryEvaluateText(frame, state, state.ErrorPath, out error))
        {
            return;
        }

        if (state.CausePath is not null && !TryEvaluateText(frame, state, state.CausePath, out cause))
        {
            return;
        }

        // A Fail state records no StateExited event and cannot be caught: its frame simply fails.
        FrameFailed(frame, error, cause);
    }

    private bool TryEvaluateText(Frame frame, State state, ValueExpression expression, out string? text)
    {
        text = null;
        if (!expression.TryEvaluate(Scope(frame, state, frame.StateInput), out var value, out var error))
        {
            StateFailed(frame, state, WithStatePrefix(frame, state, error));
            return false;
        }

        if (value is JsonString s)
        {
            text = s.Value;
            return true;
        }

        StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
            $"The value at path '{expression.Text}' is not a string: {value.ToJsonString()}")));
        return false;
    }

    private void ExecuteChoice(Frame frame, ChoiceState state)
    {
        if (!TryApplyPath(frame, state, state.InputPath, frame.StateInput, out var effective))
        {
            return;
        }

        Inspector?.Data.AfterInputPath = effective;
        var scope = Scope(frame, state, effective);
        string? next = null;
        JsonValue? assign = null;
        for (int i = 0; i < state.Choices.Count; i++)
        {
            var rule = state.Choices[i];
            if (!ChoiceEvaluator.TryMatch(rule, scope, out bool matched, out var error))
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, error));
                return;
            }

            if (matched)
            {
                // Only the matching rule's Assign applies; the state's own Assign goes with Default.
                next = rule.Next;
                assign = rule.Assign;
                break;
            }
        }

        if (next is null)
        {
            next = state.Default;
            assign = state.Assign;
        }

        if (next is null)
        {
            StateFailed(frame, state, new AslError(StatesErrors.NoChoiceMatched, "No Matches!"));
            return;
        }

        if (TryEvaluateAssign(frame, state, assign, effective, out var assigned)
            && TryApplyPath(frame, state, state.OutputPath, effective, out var output))
        {
            ExitState(frame, state, output, next, assigned);
        }
    }

    private void ExecuteWait(Frame frame, WaitState state)
    {
        if (!TryApplyPath(frame, state, state.InputPath, frame.StateInput, out var effective))
        {
            return;
        }

        Inspector?.Data.AfterInputPath = effective;
        DateTimeOffset due;
        if (state.Seconds is long seconds)
        {
            due = _now.AddSeconds(seconds);
        }
        else if (state.Timestamp is not null)
        {
            if (!AslTimestamp.TryParse(state.Timestamp, out due))
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: {state.Timestamp}")));
                return;
            }
        }
        else if (state.SecondsPath is not null)
        {
            if (!state.SecondsPath.TryEvaluate(Scope(frame, state, effective), out var value, out _))
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The SecondsPath parameter does not reference an input value: {state.SecondsPath.Text}")));
                return;
            }

            if (value is not JsonNumber number || !number.IsIntegral || !number.TryGetInt64(out long s))
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The SecondsPath parameter cannot be parsed as a long value: {state.SecondsPath.Text} == {Display(value)}")));
                return;
            }

            if (s < 0)
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The SecondsPath parameter references a negative value: {state.SecondsPath.Text} == {Display(value)}")));
                return;
            }

            due = _now.AddSeconds(Math.Min(s, (long)int.MaxValue * 2));
        }
        else if (state.TimestampPath is not null)
        {
            if (!state.TimestampPath.TryEvaluate(Scope(frame, state, effective), out var value, out _))
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The TimestampPath parameter does not reference an input value: {state.TimestampPath.Text}")));
                return;
            }

            if (value is not JsonString text || !AslTimestamp.TryParse(text.Value, out due))
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {state.TimestampPath.Text} == {Display(value)}")));
                return;
            }
        }
        else
        {
            // JSONata Waits go through ExecuteJsonataWait, and the validator requires one of the four fields.
            throw new InvalidOperationException($"The JSONPath Wait state '{state.Name}' has none of Seconds, Timestamp, SecondsPath and TimestampPath.");
        }

        var delay = due - _now;
        if (delay.TotalSeconds > int.MaxValue)
        {
            // AWS's boundary sits at 2^31 seconds (the corpus's test_timestamp_too_far_in_future_boundary).
            StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError("Wait state delay is too long.")));
            return;
        }

        frame.EffectiveInput = effective;
        frame.TimerId = StartTimer(frame.Id, TimerPurpose.Wait, delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        frame.Phase = FramePhase.WaitingTimer;
    }

    private void OnWaitElapsed(Frame frame)
    {
        var state = (WaitState)CurrentState(frame);
        frame.TimerId = 0;
        if (IsJsonata(state))
        {
            FinishJsonataState(frame, state, null, state.Next);
            return;
        }

        var effective = frame.EffectiveInput ?? frame.StateInput;
        if (TryEvaluateAssign(frame, state, state.Assign, effective, out var assigned)
            && TryApplyPath(frame, state, state.OutputPath, effective, out var output))
        {
            ExitState(frame, state, output, state.Next, assigned);
        }
    }

    private bool TryEvaluatePath(Frame frame, State state, AslPath path, JsonValue input, out JsonValue value)
    {
        if (path.TryEvaluate(Scope(frame, state, input), out var selected, out var error))
        {
            value = selected;
            return true;
        }

        value = JsonValue.Null;
        StateFailed(frame, state, WithStatePrefix(frame, state, error));
        return false;
    }

    private static string Display(JsonValue value) => value is JsonString s ? s.Value : value.ToJsonString();

    private static bool TryReadCount(JsonValue value, out long count)
    {
        count = 0;
        return value is JsonNumber n && n.IsIntegral && n.TryGetInt64(out count);
    }

    /// <summary>
    /// Records the StateExited event and moves on: to <paramref name="next"/>, or, for a terminal state, the frame
    /// completes with <paramref name="output"/>. <paramref name="assigned"/> (name → evaluated value, either query
    /// language) is written to the frame's variables first and recorded as the event's <c>assignedVariables</c>.
    /// </summary>
    private void ExitState(Frame frame, State state, JsonValue output, string? next, JsonObject? assigned = null)
    {
        if (output.GetUtf8Size() > _maxPayloadBytes)
        {
            StateFailed(frame, state, new AslError(StatesErrors.DataLimitExceeded,
                $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit."));
            return;
        }

        // An empty Assign ({}) records nothing (the corpus's BASE_EMPTY).
        if (assigned is { Count: > 0 })
        {
            if (!TryCommitAssigned(frame, state, assigned, out var record))
            {
                return;
            }

            Inspector?.Exited(output, next);
            Emit(frame, StateEventTypes.Exited(state.Type), "stateExitedEventDetails", new JsonObjectBuilder(5)
                .Set("assignedVariables", record)
                .Set("assignedVariablesDetails", NotTruncated)
                .Set("name", state.Name)
                .Set("output", JsonString.TextOf(output))
                .Set("outputDetails", NotTruncated)
                .ToObject());
        }
        else
        {
            Inspector?.Exited(output, next);
            EmitLazy(frame, StateEventTypes.Exited(state.Type), "stateExitedEventDetails", LazyEventDetails.Exited(state.Name, output));
        }

        // next is null for terminal states; a catcher supplies its own Next even on an End state.
        if (next is null)
        {
            FrameSucceeded(frame, output);
            return;
        }

        frame.StateName = next;
        frame.StateInput = output;
        frame.EffectiveInput = null;
        frame.Phase = FramePhase.Enter;
    }

    private static IReadOnlyList<Retrier> RetryOf(State state) => state switch
    {
        TaskState t => t.Retry,
        ParallelState p => p.Retry,
        MapState m => m.Retry,
        _ => [],
    };

    private static IReadOnlyList<Catcher> CatchOf(State state) => state switch
    {
        TaskState t => t.Catch,
        ParallelState p => p.Catch,
        MapState m => m.Catch,
        _ => [],
    };
}
