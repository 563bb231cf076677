using System.Collections.Immutable;
using System.Globalization;
using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Decisions;

internal sealed partial class Stepper
{
    private void ExecuteParallel(Frame frame, ParallelState state)
    {
        if (!TryApplyPath(frame, state, state.InputPath, frame.StateInput, out var effective))
        {
            return;
        }

        var branchInput = effective;
        if (state.Parameters is not null && !TryApplyTemplate(frame, state, state.Parameters, Scope(frame, state, effective), out branchInput))
        {
            return;
        }

        StartBranches(frame, state, effective, branchInput);
    }

    /// <summary>Records ParallelStateStarted and starts one frame per branch, each with <paramref name="branchInput"/>.</summary>
    private void StartBranches(Frame frame, ParallelState state, JsonValue effective, JsonValue branchInput)
    {
        long started = Emit(frame, "ParallelStateStarted", null, null);
        int count = state.Branches.Count;
        var fan = new FanOut
        {
            Items = [],
            EffectiveInput = effective,
            LastCompletionEventId = started,
        };
        fan.StartSlots(count);
        frame.FanOut = fan;
        frame.Phase = FramePhase.WaitingChildren;
        if (TryMockFanOut(frame, state))
        {
            return;
        }

        if (count == 0)
        {
            Emit(frame, "ParallelStateSucceeded", null, null, advance: false);
            CompleteFanOut(frame, state);
            return;
        }

        var carried = TakeRedriveResults(frame, count);
        for (int i = 0; i < count; i++)
        {
            if (carried?[i] is { } result)
            {
                // A redrive keeps the branches that succeeded.
                fan.SetResult(i, result);
                fan.Completed++;
                continue;
            }

            // Every branch chain starts at ParallelStateStarted.
            fan.SetChildId(i, NewFrame(FrameKind.Branch, frame, state.Branches[i], i, branchInput, started).Id);
            fan.Running++;
        }
    }

    /// <summary>
    /// A Map count read through a path: an integer, or a string holding one ("1" from a variable is accepted, "NoNumber"
    /// is not: the corpus's MAP_STATE_REFERENCE_IN_MAX_CONCURRENCY_PATH and max_concurrency_path_NoNumber cases).
    /// </summary>
    private static bool TryReadMapCount(JsonValue value, out long count)
    {
        if (value is JsonString text)
        {
            return long.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count);
        }

        return TryReadCount(value, out count);
    }

    /// <summary>
    /// Reads a Map count field's <c>…Path</c> form (<paramref name="field"/> names the field without "Path"): false, with
    /// the state failed as AWS fails it, when the path fails or selects no integer of at least <paramref name="minimum"/>.
    /// </summary>
    private bool TryReadCountPath(Frame frame, MapState state, string field, AslPath path, JsonValue effective, long minimum, out long count)
    {
        count = 0;
        if (!TryEvaluatePath(frame, state, path, effective, out var value))
        {
            return false;
        }

        if (!TryReadMapCount(value, out count) || count < minimum)
        {
            StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                $"The {field}Path field refers to value \"{Display(value)}\" which is not a valid integer: {path.Text}")));
            return false;
        }

        return true;
    }

    /// <summary>
    /// A Map percentage read through a path: a number, or a string holding one ("1" from a variable is accepted, as the
    /// corpus's MAP_STATE_REFERENCE_IN_TOLERATED_FAILURE_PATH case shows; "NoNumber" is not).
    /// </summary>
    private static bool TryReadMapPercentage(JsonValue value, out double percentage)
    {
        switch (value)
        {
            case JsonNumber number:
                percentage = number.ToDouble();
                return true;
            case JsonString text:
                return double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out percentage) && double.IsFinite(percentage);
            default:
                percentage = 0;
                return false;
        }
    }

    private void ExecuteMap(Frame frame, MapState state)
    {
        if (!TryApplyPath(frame, state, state.InputPath, frame.StateInput, out var effective))
        {
            return;
        }

        Inspector?.Data.AfterInputPath = effective;
        var itemsValue = effective;
        if (ItemReaderDataInTest(state) is { } read)
        {
            itemsValue = read;
        }
        else if (ReadsItems(state))
        {
            // The reader's items are not known yet: MapStateStarted records length 0, as on AWS.
            itemsValue = JsonArray.Empty;
        }
        else if (state.ItemsPath.IsNull)
        {
            itemsValue = JsonObject.Empty;
        }
        else if (!state.ItemsPath.IsIdentity && !TryEvaluatePath(frame, state, state.ItemsPath.Path!, effective, out itemsValue))
        {
            return;
        }

        Inspector?.Data.AfterItemsPath = itemsValue;

        if (itemsValue is not JsonArray items)
        {
            StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                $"Map state input must be an array but was: {itemsValue.ToJsonString()}")));
            return;
        }

        long maxConcurrency = state.MaxConcurrency ?? 0;
        if (state.MaxConcurrencyPath is not null
            && !TryReadCountPath(frame, state, "MaxConcurrency", state.MaxConcurrencyPath, effective, 0, out maxConcurrency))
        {
            return;
        }

        long started = Emit(frame, "MapStateStarted", "mapStateStartedEventDetails",
            JsonObject.Create(("length", (JsonValue)items.Count)));

        // AWS reads the tolerated-failure fields after recording MapStateStarted (the corpus's tolerated_failure_*_path cases).
        long toleratedCount = state.ToleratedFailureCount ?? -1;
        if (state.ToleratedFailureCountPath is not null)
        {
            // A negative count is an integer: AWS fails it with its own message, below.
            if (!TryReadCountPath(frame, state, "ToleratedFailureCount", state.ToleratedFailureCountPath, effective, long.MinValue, out toleratedCount))
            {
                return;
            }

            if (toleratedCount < 0)
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError("ToleratedFailureCount cannot be negative.")));
                return;
            }
        }

        double toleratedPercentage = state.ToleratedFailurePercentage ?? -1;
        if (state.ToleratedFailurePercentagePath is not null)
        {
            if (!TryEvaluatePath(frame, state, state.ToleratedFailurePercentagePath, effective, out var value))
            {
                return;
            }

            if (!TryReadMapPercentage(value, out toleratedPercentage))
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The ToleratedFailurePercentagePath field refers to value \"{Display(value)}\" which is not a valid float: {state.ToleratedFailurePercentagePath.Text}")));
                return;
            }

            if (toleratedPercentage is < 0 or > 100)
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError("ToleratedFailurePercentage must be between 0 and 100.")));
                return;
            }
        }

        LaunchMap(frame, state, effective, items, maxConcurrency, toleratedCount, toleratedPercentage);
    }

    /// <summary>
    /// After MapStateStarted: a distributed Map starts its Map Run (the host runs it); an inline one (and TestState's
    /// mocked Map of either mode) starts its first iterations.
    /// </summary>
    private void LaunchMap(Frame frame, MapState state, JsonValue effective, JsonArray items, long maxConcurrency, long toleratedCount, double toleratedPercentage)
    {
        if (state.ItemProcessor.ProcessorConfig.IsDistributed && Inspector is null)
        {
            StartMapRun(frame, state, effective, ReadsItems(state) ? null : items, maxConcurrency, toleratedCount, toleratedPercentage);
            return;
        }

        // With an ItemBatcher each iteration runs one batch of items.
        if (state.ItemBatcher is { } batcher && !TryBatchItems(frame, state, batcher, effective, items, out items))
        {
            return;
        }

        var fan = new FanOut
        {
            Items = items.AsSpan().ToArray(),
            EffectiveInput = effective,
            MaxConcurrency = maxConcurrency,
            ToleratedFailureCount = toleratedCount,
            ToleratedFailurePercentage = toleratedPercentage,
            LastCompletionEventId = frame.LastEventId,
        };
        // A redrive keeps the iterations that succeeded; StartIterations skips them.
        fan.StartSlots(items.Count, TakeRedriveResults(frame, items.Count));
        foreach (var result in fan.Results)
        {
            if (result is not null)
            {
                fan.Completed++;
            }
        }

        frame.FanOut = fan;
        frame.Phase = FramePhase.WaitingChildren;
        if (TryMockFanOut(frame, state))
        {
            return;
        }

        if (items.Count == 0)
        {
            Emit(frame, "MapStateSucceeded", null, null, advance: false);
            CompleteFanOut(frame, state);
            return;
        }

        StartIterations(frame, state);
    }

    /// <summary>Starts queued iterations while MaxConcurrency allows (0 = all at once).</summary>
    private void StartIterations(Frame frame, MapState state)
    {
        var fan = frame.FanOut!;
        long limit = fan.MaxConcurrency;
        while (fan.NextItem < fan.Items.Length && (limit == 0 || fan.Running < limit))
        {
            int index = fan.NextItem++;
            if (fan.Results[index] is not null)
            {
                // Only a redrive's carried-over result can be set ahead of NextItem: that iteration succeeded already.
                continue;
            }

            var item = fan.Items[index];
            long started = EmitLazy(frame, "MapIterationStarted", "mapIterationStartedEventDetails", LazyEventDetails.Iteration(index, state.Name), advance: false);
            // Batches hold items that went through ItemSelector already.
            var input = item;
            if (state.ItemBatcher is null && !TrySelectItem(frame, state, fan.EffectiveInput, index, item, out input))
            {
                return;
            }

            fan.Running++;
            fan.SetChildId(index, NewFrame(FrameKind.Iteration, frame, state.ItemProcessor.Graph, index, input, started).Id);
        }
    }

    /// <summary>A branch or iteration finished (or failed): update the owning Parallel/Map state.</summary>
    private void OnChildDone(Frame parent, Frame child)
    {
        var fan = parent.FanOut;
        if (parent.Phase != FramePhase.WaitingChildren || fan is null)
        {
            return;
        }

        var state = CurrentState(parent);
        fan.Running--;
        fan.Completed++;
        // The owner's chain continues from the child's last event (AWS's previousEventId for what follows).
        parent.LastEventId = child.LastEventId;
        _runnable.Enqueue(parent.Id);
        if (state is MapState map)
        {
            OnIterationDone(parent, map, child, fan);
            return;
        }

        if (child.Failed)
        {
            RecordFailedTaskAborted(parent, child);
            KeepRedriveResults(parent, fan);
            AbortChildren(parent);
            StateFailed(parent, state, child.Error, child.Cause);
            return;
        }

        fan.SetResult(child.Index, child.Output);
        if (fan.Completed == fan.Results.Length)
        {
            Emit(parent, "ParallelStateSucceeded", null, null, advance: false);
            CompleteFanOut(parent, state);
        }
    }

    private void OnIterationDone(Frame parent, MapState state, Frame child, FanOut fan)
    {
        if (child.Failed)
        {
            fan.LastCompletionEventId = EmitLazy(child, "MapIterationFailed", "mapIterationFailedEventDetails", LazyEventDetails.Iteration(child.Index, state.Name), advance: false);
            RecordFailedTaskAborted(parent, child);
            fan.Failures++;
            if (!IsTolerated(fan))
            {
                KeepRedriveResults(parent, fan);
                AbortChildren(parent);
                if (fan.ToleratedFailureCount >= 0 || fan.ToleratedFailurePercentage >= 0)
                {
                    StateFailed(parent, state, StatesErrors.ExceedToleratedFailureThreshold,
                        "The specified tolerated failure threshold was exceeded");
                }
                else
                {
                    StateFailed(parent, state, child.Error, child.Cause);
                }

                return;
            }

            fan.SetResult(child.Index, ErrorOutput(child.Error, child.Cause));
            fan.FailedItems = fan.FailedItems.Add(child.Index);
        }
        else
        {
            fan.LastCompletionEventId = EmitLazy(child, "MapIterationSucceeded", "mapIterationSucceededEventDetails", LazyEventDetails.Iteration(child.Index, state.Name), advance: false);
            fan.SetResult(child.Index, child.Output);
        }

        _frames.Remove(child.Id);
        fan.SetChildId(child.Index, 0);
        if (fan.Completed == fan.Items.Length)
        {
            // MapStateSucceeded follows the last iteration's completion event; MapStateExited follows the same event.
            parent.LastEventId = fan.LastCompletionEventId;
            Emit(parent, "MapStateSucceeded", null, null, advance: false);
            CompleteFanOut(parent, state);
            return;
        }

        StartIterations(parent, state);
    }

    /// <summary>
    /// Whether the failures so far stay within ToleratedFailureCount or ToleratedFailurePercentage (either suffices);
    /// with neither set, no failure is tolerated.
    /// </summary>
    private static bool IsTolerated(FanOut fan) =>
        (fan.ToleratedFailureCount >= 0 && fan.Failures <= fan.ToleratedFailureCount)
        || (fan.ToleratedFailurePercentage >= 0 && fan.Failures * 100.0 / fan.Items.Length <= fan.ToleratedFailurePercentage);

    private string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>
    /// A branch or iteration that failed in a Task state (uncaught) also records TaskStateAborted for that state,
    /// beside the chain, after the failure event (the corpus's SQS_PARALLEL and service_lambda_map_timeout cases).
    /// </summary>
    private void RecordFailedTaskAborted(Frame parent, Frame child)
    {
        if (CurrentState(child) is TaskState)
        {
            Emit(parent, "TaskStateAborted", null, null, advance: false);
        }
    }

    /// <summary>All branches/iterations succeeded: ResultSelector, ResultPath, OutputPath, then exit the state.</summary>
    private void CompleteFanOut(Frame frame, State state)
    {
        var fan = frame.FanOut!;
        var slots = fan.Results;
        var results = new JsonValue[slots.Length];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = slots[i] ?? JsonValue.Null;
        }

        RemoveChildren(frame);
        FinishFanOut(frame, state, JsonArray.TakeOwnership(results));
    }

    /// <summary>The Map's or Parallel's <paramref name="result"/> through ResultSelector, ResultPath and OutputPath (or Output), then exit.</summary>
    private void FinishFanOut(Frame frame, State state, JsonValue result)
    {
        frame.FanOut = null;
        frame.Phase = FramePhase.Executing;
        if (IsJsonata(state))
        {
            FinishJsonataState(frame, state, result, state.Next);
            return;
        }

        var selector = state is MapState m ? m.ResultSelector : ((ParallelState)state).ResultSelector;
        var resultPath = state is MapState mp ? mp.ResultPath : ((ParallelState)state).ResultPath;
        if (selector is not null && !TryApplyTemplate(frame, state, selector, Scope(frame, state, result), out result))
        {
            return;
        }

        Inspector?.Data.AfterResultSelector = result;
        if (TryEvaluateAssign(frame, state, state.Assign, result, out var assigned)
            && TryApplyResultPath(frame, state, resultPath, frame.StateInput, result, out var output))
        {
            Inspector?.Data.AfterResultPath = output;
            if (TryApplyPath(frame, state, state.OutputPath, output, out output))
            {
                ExitState(frame, state, output, state.Next, assigned);
            }
        }
    }

    /// <summary>
    /// Stops every running child of <paramref name="frame"/> (a sibling failed): records the aborted state and, for
    /// Map, MapIterationAborted, both after the failing event; cancels their timers and tasks.
    /// </summary>
    private void AbortChildren(Frame frame)
    {
        var fan = frame.FanOut;
        if (fan is null)
        {
            return;
        }

        var state = CurrentState(frame);
        foreach (int childId in fan.ChildIds)
        {
            if (childId == 0 || !TryGetFrame(childId, out var child) || child.Phase == FramePhase.Done)
            {
                continue;
            }

            // AWS records each iteration's MapIterationAborted before the aborted state's own event.
            if (state is MapState)
            {
                EmitLazy(frame, "MapIterationAborted", "mapIterationAbortedEventDetails", LazyEventDetails.Iteration(child.Index, state.Name), advance: false);
            }

            AbortFrame(child, frame.LastEventId);
        }

        RemoveChildren(frame);
        if (fan.MapRunArn is { } mapRunArn)
        {
            // A Map Run runs outside the execution: the host stops its children.
            Commands.Add(new StopMapRunCommand(mapRunArn));
        }

        frame.FanOut = null;
        frame.Phase = FramePhase.Executing;
    }

    private void AbortFrame(Frame frame, long previous)
    {
        if (frame.Phase is FramePhase.WaitingTask or FramePhase.WaitingTimer or FramePhase.WaitingRetry or FramePhase.WaitingChildren)
        {
            if (frame.Phase == FramePhase.WaitingChildren)
            {
                AbortChildren(frame);
            }

            Emit(frame, StateEventTypes.Aborted(CurrentState(frame).Type), null, null, previous: previous);
        }

        if (frame.TaskId != 0)
        {
            _snapshot.Tasks = _snapshot.Tasks.Remove(frame.TaskId);
            Commands.Add(new CancelTaskCommand(frame.TaskId));
        }

        CancelTimer(frame.TimerId);
        CancelTimer(frame.HeartbeatTimerId);
        frame.Phase = FramePhase.Aborted;
    }

    private void RemoveChildren(Frame frame)
    {
        var fan = frame.FanOut;
        if (fan is null)
        {
            return;
        }

        foreach (int childId in fan.ChildIds)
        {
            if (childId != 0)
            {
                RemoveFrameTree(childId);
            }
        }

        fan.ClearChildIds();
    }

    private void RemoveFrameTree(int frameId)
    {
        if (!_frames.TryGetValue(frameId, out var frame))
        {
            return;
        }

        _frames.Remove(frameId);
        if (frame.FanOut is not null)
        {
            foreach (int childId in frame.FanOut.ChildIds)
            {
                if (childId != 0)
                {
                    RemoveFrameTree(childId);
                }
            }
        }
    }
}
