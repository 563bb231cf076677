using System.Collections.Immutable;
using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Testing;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// One decision in progress: applies a stimulus to a (cloned) snapshot, runs every frame that can advance until
/// each waits on something or finishes, and collects the events and commands. Lives for one Decide call.
/// </summary>
internal sealed partial class Stepper
{
    /// <summary>
    /// AWS's history quota for a Standard execution ("Maximum execution history size: 25,000 events"): the event that
    /// would be number 25,000 becomes the ExecutionFailed that ends it.
    /// </summary>
    internal const long MaxHistoryEvents = 25_000;

    /// <summary>The cause AWS records when the history limit ends an execution (measured, floci-io/floci#2734).</summary>
    internal const string HistoryLimitCause = "The execution reached the maximum number of history events (25000).";

    private readonly StateMachine _definition;
    private readonly ExecutionSnapshot _snapshot;
    private readonly DateTimeOffset _now;
    private readonly Random _random;
    private readonly IReadOnlySet<string>? _missingActivities;
    private readonly int _maxPayloadBytes;
    private readonly Queue<int> _runnable = new();

    /// <summary>
    /// The snapshot's frames while this decision changes them, written back when a stimulus is applied: a Map's
    /// iterations add and remove a frame each, and the builder does that in place where the immutable dictionary would
    /// copy a path of nodes per change.
    /// </summary>
    private readonly ImmutableDictionary<int, Frame>.Builder _frames;

    /// <summary>The last scope <see cref="InnerScope"/> made, with the scope it is inside.</summary>
    private (VariableScope Outer, VariableScope Inner)? _innerScope;

    /// <summary>The last context <c>State</c> member built (see <see cref="StateContext"/>).</summary>
    private (State State, DateTimeOffset Entered, int RetryCount, JsonObject Value)? _stateContext;

    /// <summary>The last <c>State.EnteredTime</c> formatted (see <see cref="StateContext"/>).</summary>
    private (DateTimeOffset Entered, JsonValue Text)? _enteredTimeText;

    /// <summary>
    /// Marks the frames this decision has copied (or created), in <see cref="Frame.Owner"/>: only those may be mutated.
    /// A mark on the frame costs no lookup, where a set of ids grew with every iteration of a Map.
    /// </summary>
    private readonly object _owner = new();

    public Stepper(StateMachine definition, ExecutionSnapshot snapshot, DateTimeOffset now, Random random, int maxPayloadBytes,
        IReadOnlySet<string>? missingActivities = null)
    {
        _maxPayloadBytes = maxPayloadBytes;
        _definition = definition;
        _snapshot = snapshot;
        _frames = snapshot.Frames.ToBuilder();
        _now = now;
        _random = random;
        _missingActivities = missingActivities;
    }

    public List<HistoryEvent> Events { get; } = [];

    /// <summary>Set only by a TestState run (<see cref="StateTest"/>): records the data flow and stops after one state.</summary>
    public StateInspector? Inspector { get; init; }

    public List<ExecutionCommand> Commands { get; } = [];

    /// <summary>Where this decision's FinishExecutionCommand is in <see cref="Commands"/>; -1 while the execution runs.</summary>
    private int _finishCommandIndex = -1;

    public void Apply(Stimulus stimulus)
    {
        if (stimulus is RedriveRequestedStimulus)
        {
            Redrive();
            RunUntilBlocked();
            DropWorkAfterFinish();
            _snapshot.Frames = _frames.ToImmutable();
            return;
        }

        if (_snapshot.IsFinished)
        {
            return;
        }

        switch (stimulus)
        {
            case ExecutionStartedStimulus:
                StartExecution();
                break;
            case TaskStartedStimulus s:
                OnTaskStarted(s.TaskId, s.WorkerName);
                break;
            case TaskSubmittedStimulus s:
                OnTaskSubmitted(s.TaskId, s.Output);
                break;
            case TaskSucceededStimulus s:
                OnTaskSucceeded(s.TaskId, s.Output);
                break;
            case TaskFailedStimulus s:
                OnTaskFailed(s.TaskId, s.Error, s.Cause);
                break;
            case TaskHeartbeatStimulus s:
                OnTaskHeartbeat(s.TaskId);
                break;
            case TimerFiredStimulus s:
                OnTimerFired(s.TimerId);
                break;
            case StopRequestedStimulus s:
                Stop(s.Error, s.Cause);
                break;
            case MapRunSucceededStimulus s:
                OnMapRunSucceeded(s);
                break;
            case MapRunFailedStimulus s:
                OnMapRunFailed(s);
                break;
            default:
                throw new ArgumentException($"Unknown stimulus {stimulus.GetType().Name}.", nameof(stimulus));
        }

        RunUntilBlocked();
        DropWorkAfterFinish();
        _snapshot.Frames = _frames.ToImmutable();
    }

    /// <summary>
    /// When the history limit ends the execution in the middle of a state, the state's code goes on deciding (a timer,
    /// a task) before it returns: none of that may happen, so it is dropped with what it added to the snapshot.
    /// </summary>
    private void DropWorkAfterFinish()
    {
        int after = _finishCommandIndex + 1;
        if (_finishCommandIndex >= 0 && Commands.Count > after)
        {
            Commands.RemoveRange(after, Commands.Count - after);
            _snapshot.Timers = _snapshot.Timers.Clear();
            _snapshot.Tasks = _snapshot.Tasks.Clear();
        }
    }

    private void StartExecution()
    {
        var info = _snapshot.Info;
        Emit(null, "ExecutionStarted", "executionStartedEventDetails", new JsonObjectBuilder(3)
            .Set("input", JsonString.TextOf(info.Input))
            .Set("inputDetails", NotTruncated)
            .Set("roleArn", info.RoleArn)
            .ToObject());

        // The first state's StateEntered records previousEventId 0, not ExecutionStarted's id: the root chain starts empty.
        var root = NewFrame(FrameKind.Root, parent: null, graph: _definition.Root, index: 0, input: info.Input, lastEventId: 0);
        if (_definition.TimeoutSeconds is long timeout)
        {
            _snapshot.ExecutionTimerId = StartTimer(root.Id, TimerPurpose.ExecutionTimeout, TimeSpan.FromSeconds(timeout));
        }

        if (info.Input.GetUtf8Size() > _maxPayloadBytes)
        {
            FinishExecution(ExecutionOutcome.Failed, 0, null, StatesErrors.DataLimitExceeded,
                "The input to the execution exceeds the maximum number of bytes service limit.");
        }
    }

    private void RunUntilBlocked()
    {
        while (_runnable.Count > 0 && !_snapshot.IsFinished)
        {
            if (!TryGetFrame(_runnable.Dequeue(), out var frame))
            {
                // The frame finished and was removed (its Map iteration completed, or a sibling failed).
                continue;
            }

            while (frame.Phase == FramePhase.Enter && !_snapshot.IsFinished && Inspector is not { Finished: true })
            {
                EnterState(frame);
            }
        }
    }

    private Frame NewFrame(FrameKind kind, Frame? parent, StateGraph graph, int index, JsonValue input, long lastEventId)
    {
        var frame = new Frame
        {
            Id = _snapshot.NextFrameId++,
            ParentId = parent?.Id ?? 0,
            Kind = kind,
            GraphIndex = graph.Index,
            Index = index,
            StateName = graph.StartAt,
            StateInput = input,
            Phase = FramePhase.Enter,
            LastEventId = lastEventId,
            Owner = _owner,
            // A branch or iteration reads the owner's variables but writes its own, which vanish with it.
            Variables = parent is null ? Inspector?.Variables ?? VariableScope.Empty : InnerScope(parent.Variables),
        };
        _frames[frame.Id] = frame;
        _runnable.Enqueue(frame.Id);
        return frame;
    }

    /// <summary>
    /// A new empty scope inside <paramref name="outer"/>. Scopes are immutable (a state that assigns replaces its
    /// frame's), so the iterations a Map starts together share one instead of allocating one each.
    /// </summary>
    private VariableScope InnerScope(VariableScope outer)
    {
        if (_innerScope is not { } last || !ReferenceEquals(last.Outer, outer))
        {
            last = (outer, outer.NewInner());
            _innerScope = last;
        }

        return last.Inner;
    }

    /// <summary>
    /// The frame with this id, copied on first access in this decision: the snapshot given to Decide shares its
    /// frames with the new one and must not change.
    /// </summary>
    private bool TryGetFrame(int id, out Frame frame)
    {
        if (!_frames.TryGetValue(id, out frame!))
        {
            return false;
        }

        if (!ReferenceEquals(frame.Owner, _owner))
        {
            frame = frame.Clone();
            frame.Owner = _owner;
            _frames[id] = frame;
        }

        return true;
    }

    private Frame GetFrame(int id) => TryGetFrame(id, out var frame)
        ? frame
        : throw new InvalidOperationException($"The snapshot has no frame {id}.");

    private State CurrentState(Frame frame) => _definition.Graphs[frame.GraphIndex][frame.StateName];

    internal static readonly JsonObject NotTruncated = JsonObject.Create(("truncated", JsonValue.False));

    /// <summary>
    /// Records an event in <paramref name="frame"/>'s chain (previousEventId = the frame's last event, unless
    /// <paramref name="previous"/> overrides it). <paramref name="advance"/> false leaves the chain where it was:
    /// AWS records some bookkeeping events (MapIterationSucceeded, ParallelStateSucceeded, ...) beside the chain.
    /// </summary>
    private long Emit(Frame? frame, string type, string? detailsName, JsonObject? details, bool advance = true, long? previous = null) =>
        Record(frame, type, detailsName, details, default, advance, previous);

    /// <summary>As <see cref="Emit"/>, for an event whose details are built when read (see <see cref="LazyEventDetails"/>).</summary>
    private long EmitLazy(Frame frame, string type, string detailsName, LazyEventDetails details, bool advance = true) =>
        Record(frame, type, detailsName, null, details, advance, previous: null);

    private long Record(Frame? frame, string type, string? detailsName, JsonObject? details, LazyEventDetails lazyDetails, bool advance,
        long? previous)
    {
        if (_snapshot.IsFinished)
        {
            // Nothing is recorded after the execution's last event (the history limit can end it mid-state).
            return frame?.LastEventId ?? 0;
        }

        long prev = previous ?? frame?.LastEventId ?? 0;
        if (_snapshot.NextEventId >= MaxHistoryEvents && _snapshot.Info.IsStandard && frame is not null)
        {
            // Events of frames are never the execution's last: this one would pass the limit, so the execution fails
            // in its place, chained where it would have been (event 25,000 follows 24,999 on AWS).
            FinishExecution(ExecutionOutcome.Failed, prev, null, StatesErrors.Runtime, HistoryLimitCause);
            return frame.LastEventId;
        }

        long id = _snapshot.NextEventId++;
        Events.Add(!lazyDetails.HasValue
            ? new HistoryEvent(type, id, prev, _now, detailsName, details)
            : new HistoryEvent(type, id, prev, _now, detailsName!, lazyDetails));
        if (advance && frame is not null)
        {
            frame.LastEventId = id;
        }

        return id;
    }

    private long StartTimer(int frameId, TimerPurpose purpose, TimeSpan delay)
    {
        long id = _snapshot.NextTimerId++;
        var due = _now + delay;
        _snapshot.Timers = _snapshot.Timers.SetItem(id, new PendingTimer(frameId, purpose, due));
        Commands.Add(new StartTimerCommand(id, due, purpose == TimerPurpose.Wait));
        return id;
    }

    private void CancelTimer(long timerId)
    {
        if (timerId != 0 && _snapshot.Timers.ContainsKey(timerId))
        {
            _snapshot.Timers = _snapshot.Timers.Remove(timerId);
            Commands.Add(new CancelTimerCommand(timerId));
        }
    }

    private void FinishExecution(ExecutionOutcome outcome, long previous, JsonValue? output, string? error, string? cause)
    {
        if (_snapshot.IsFinished)
        {
            // The history limit ended it first; what the interrupted state went on to decide does not count.
            return;
        }

        StopWaitingMapRuns();

        switch (outcome)
        {
            case ExecutionOutcome.Succeeded:
                Emit(null, "ExecutionSucceeded", "executionSucceededEventDetails", new JsonObjectBuilder(2)
                    .Set("output", JsonString.TextOf(output!))
                    .Set("outputDetails", NotTruncated)
                    .ToObject(), previous: previous);
                break;
            case ExecutionOutcome.Failed:
                Emit(null, "ExecutionFailed", "executionFailedEventDetails", ErrorDetails(error, cause), previous: previous);
                break;
            case ExecutionOutcome.TimedOut:
                Emit(null, "ExecutionTimedOut", "executionTimedOutEventDetails", ErrorDetails(error, cause), previous: previous);
                break;
            case ExecutionOutcome.Aborted:
                Emit(null, "ExecutionAborted", "executionAbortedEventDetails", ErrorDetails(error, cause), previous: previous);
                break;
        }

        _snapshot.Outcome = outcome;
        _snapshot.Output = output;
        _snapshot.Error = error;
        _snapshot.Cause = cause;
        foreach (var (timerId, _) in _snapshot.Timers)
        {
            Commands.Add(new CancelTimerCommand(timerId));
        }

        _snapshot.Timers = _snapshot.Timers.Clear();
        foreach (var (taskId, _) in _snapshot.Tasks)
        {
            Commands.Add(new CancelTaskCommand(taskId));
        }

        _snapshot.Tasks = _snapshot.Tasks.Clear();
        Commands.Add(new FinishExecutionCommand(outcome, output, error, cause));
        _finishCommandIndex = Commands.Count - 1;
    }

    private static JsonObject ErrorDetails(string? error, string? cause)
    {
        // A bare Fail state records neither field (the corpus's test_state_fail_empty).
        var builder = new JsonObjectBuilder(2);
        if (error is not null)
        {
            builder.Set("error", error);
        }

        if (cause is not null)
        {
            builder.Set("cause", cause);
        }

        return builder.ToObject();
    }

    /// <summary>
    /// StopExecution: records the aborted events of what is running, each owner after its branches or iterations (the
    /// root's state last), then ExecutionAborted. The frames stay as they were, so a redrive re-runs exactly what the
    /// stop cut short.
    /// </summary>
    private void Stop(string? error, string? cause)
    {
        foreach (var (_, frame) in _frames)
        {
            if (frame.Kind == FrameKind.Root)
            {
                RecordStopped(GetFrame(frame.Id));
                break;
            }
        }

        // AWS records ExecutionAborted outside every chain: previousEventId 0 (api/test_sfn_api__test_stop_execution).
        FinishExecution(ExecutionOutcome.Aborted, 0, null, error, cause);
    }

    private void RecordStopped(Frame frame)
    {
        var state = CurrentState(frame);
        switch (frame.Phase)
        {
            case FramePhase.WaitingChildren when frame.FanOut is { } fan:
                foreach (int childId in fan.ChildIds)
                {
                    if (childId == 0 || !TryGetFrame(childId, out var child) || child.Phase is FramePhase.Done or FramePhase.Aborted)
                    {
                        continue;
                    }

                    // As when a sibling fails (timeouts/test_service_lambda_map_timeout): MapIterationAborted, then
                    // the iteration's own aborted state.
                    if (state is MapState)
                    {
                        EmitLazy(frame, "MapIterationAborted", "mapIterationAbortedEventDetails", LazyEventDetails.Iteration(child.Index, state.Name), advance: false);
                    }

                    RecordStopped(child);
                }

                // The execution's end stops the run itself (StopWaitingMapRuns).
                if (fan.MapRunArn is not null)
                {
                    Emit(frame, "MapRunAborted", null, null);
                }

                Emit(frame, StateEventTypes.Aborted(state.Type), null, null);
                break;
            case FramePhase.WaitingTask or FramePhase.WaitingRetry or FramePhase.WaitingChildren:
                Emit(frame, StateEventTypes.Aborted(state.Type), null, null);
                break;

            // A stopped Wait state records no WaitStateAborted (api/test_sfn_api__test_stop_execution).
        }
    }
}
