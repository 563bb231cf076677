using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// One decision in progress: applies a stimulus to a (cloned) snapshot, runs every frame that can advance until
/// each waits on something or finishes, and collects the events and commands. Lives for one Decide call.
/// </summary>
internal sealed partial class Stepper
{
    private readonly StateMachine _definition;
    private readonly ExecutionSnapshot _snapshot;
    private readonly DateTimeOffset _now;
    private readonly Random _random;
    private readonly int _maxPayloadBytes;
    private readonly Queue<int> _runnable = new();

    /// <summary>Frames this decision has copied (or created): only those may be mutated.</summary>
    private readonly HashSet<int> _owned = [];

    public Stepper(StateMachine definition, ExecutionSnapshot snapshot, DateTimeOffset now, Random random, int maxPayloadBytes)
    {
        _maxPayloadBytes = maxPayloadBytes;
        _definition = definition;
        _snapshot = snapshot;
        _now = now;
        _random = random;
    }

    public List<HistoryEvent> Events { get; } = [];

    public List<ExecutionCommand> Commands { get; } = [];

    public void Apply(Stimulus stimulus)
    {
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
            default:
                throw new ArgumentException($"Unknown stimulus {stimulus.GetType().Name}.", nameof(stimulus));
        }

        RunUntilBlocked();
    }

    private void StartExecution()
    {
        var info = _snapshot.Info;
        Emit(null, "ExecutionStarted", "executionStartedEventDetails", new JsonObjectBuilder(3)
            .Set("input", info.Input.ToJsonString())
            .Set("inputDetails", NotTruncated)
            .Set("roleArn", info.RoleArn)
            .ToObject());

        // The first state's StateEntered records previousEventId 0, not ExecutionStarted's id: the root chain starts empty.
        var root = NewFrame(FrameKind.Root, parentId: 0, graph: _definition.Root, index: 0, input: info.Input, lastEventId: 0);
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

            while (frame.Phase == FramePhase.Enter && !_snapshot.IsFinished)
            {
                EnterState(frame);
            }
        }
    }

    private Frame NewFrame(FrameKind kind, int parentId, StateGraph graph, int index, JsonValue input, long lastEventId, bool silent = false)
    {
        var frame = new Frame
        {
            Silent = silent,
            Id = _snapshot.NextFrameId++,
            ParentId = parentId,
            Kind = kind,
            GraphIndex = graph.Index,
            Index = index,
            StateName = graph.StartAt,
            StateInput = input,
            Phase = FramePhase.Enter,
            LastEventId = lastEventId,
            // A branch or iteration reads the owner's variables but writes its own, which vanish with it.
            Variables = parentId == 0 ? VariableScope.Empty : _snapshot.Frames[parentId].Variables.NewInner(),
        };
        _snapshot.Frames = _snapshot.Frames.SetItem(frame.Id, frame);
        _owned.Add(frame.Id);
        _runnable.Enqueue(frame.Id);
        return frame;
    }

    /// <summary>
    /// The frame with this id, copied on first access in this decision: the snapshot given to Decide shares its
    /// frames with the new one and must not change.
    /// </summary>
    private bool TryGetFrame(int id, out Frame frame)
    {
        if (!_snapshot.Frames.TryGetValue(id, out frame!))
        {
            return false;
        }

        if (_owned.Add(id))
        {
            frame = frame.Clone();
            _snapshot.Frames = _snapshot.Frames.SetItem(id, frame);
        }

        return true;
    }

    private Frame GetFrame(int id) => TryGetFrame(id, out var frame)
        ? frame
        : throw new InvalidOperationException($"The snapshot has no frame {id}.");

    private State CurrentState(Frame frame) => _definition.Graphs[frame.GraphIndex][frame.StateName];

    private static readonly JsonObject NotTruncated = JsonObject.Create(("truncated", JsonValue.False));

    /// <summary>
    /// Records an event in <paramref name="frame"/>'s chain (previousEventId = the frame's last event, unless
    /// <paramref name="previous"/> overrides it). <paramref name="advance"/> false leaves the chain where it was:
    /// AWS records some bookkeeping events (MapIterationSucceeded, ParallelStateSucceeded, ...) beside the chain.
    /// </summary>
    private long Emit(Frame? frame, string type, string? detailsName, JsonObject? details, bool advance = true, long? previous = null)
    {
        if (frame is { Silent: true })
        {
            return frame.LastEventId;
        }

        long id = _snapshot.NextEventId++;
        long prev = previous ?? frame?.LastEventId ?? 0;
        Events.Add(new HistoryEvent(type, id, prev, _now, detailsName, details));
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
        Commands.Add(new StartTimerCommand(id, due));
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
        switch (outcome)
        {
            case ExecutionOutcome.Succeeded:
                Emit(null, "ExecutionSucceeded", "executionSucceededEventDetails", new JsonObjectBuilder(2)
                    .Set("output", output!.ToJsonString())
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
        foreach (var timerId in _snapshot.Timers.Keys)
        {
            Commands.Add(new CancelTimerCommand(timerId));
        }

        _snapshot.Timers = _snapshot.Timers.Clear();
        foreach (var taskId in _snapshot.Tasks.Keys)
        {
            Commands.Add(new CancelTaskCommand(taskId));
        }

        _snapshot.Tasks = _snapshot.Tasks.Clear();
        Commands.Add(new FinishExecutionCommand(outcome, output, error, cause));
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

    private void Stop(string? error, string? cause)
    {
        long last = 0;
        foreach (var frame in _snapshot.Frames.Values)
        {
            last = Math.Max(last, frame.LastEventId);
        }

        FinishExecution(ExecutionOutcome.Aborted, last, null, error, cause);
    }
}
