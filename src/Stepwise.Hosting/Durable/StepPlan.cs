using System.Collections.Immutable;
using Stepwise.Definition.Model;
using Stepwise.Hosting.MapRuns;
using Stepwise.Hosting.Time;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage.Activities;
using Stepwise.Storage.Executions;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// One step of an execution, decided but not yet committed: the stimulus applied with <see cref="Interpreter.Decide"/>,
/// followed by the TaskStarted of every task it schedules (the host starts a task as soon as it is committed, as the
/// in-memory loop does), gathered into what one <see cref="StepCommit"/> writes.
/// </summary>
internal sealed class StepPlan
{
    private readonly List<StoredEvent> _events = [];
    private readonly List<DurableTimer> _timersToStart = [];
    private readonly List<long> _timersToCancel = [];
    private readonly List<WorkItem> _work = [];
    private readonly List<TaskTokenEntry> _tokens = [];
    private readonly List<ActivityTask> _activityTasks = [];
    private readonly List<long> _cancelledTasks = [];
    private ExecutionCompletion? _completion;
    private ExecutionRedrive? _redrive;

    private StepPlan(ExecutionHeader header) => Header = header;

    public ExecutionHeader Header { get; private set; }

    /// <summary>The snapshot after the step.</summary>
    public ExecutionSnapshot Snapshot { get; private set; } = null!;

    public IReadOnlyList<StoredEvent> Events => _events;

    public IReadOnlyList<long> CancelledTasks => _cancelledTasks;

    public ExecutionCompletion? Completion => _completion;

    /// <summary>How many work items the step enqueues.</summary>
    public int WorkCount => _work.Count;

    /// <summary>
    /// Decides <paramref name="stimulus"/> on <paramref name="snapshot"/> (null only for ExecutionStarted). Each decision's
    /// random source is derived from the execution's seed and its event count, so a step redone after a crash draws
    /// exactly what the lost attempt drew (same jitter, same task tokens). <paramref name="missingActivities"/> are the
    /// definition's activities that do not exist (see <see cref="ActivityResources"/>). <paramref name="invokeInline"/>
    /// runs a task while the step is decided: when it answers at once, its result is applied in the same step and the task
    /// leaves no work item behind. Wait states' timers are scaled by <paramref name="waitTimeScale"/> (<see cref="Time.WaitTimeScale"/>).
    /// </summary>
    public static StepPlan Decide(StateMachine machine, ExecutionHeader header, ExecutionSnapshot? snapshot, Stimulus stimulus, DateTimeOffset now,
        int maxPayloadBytes, IReadOnlySet<string>? missingActivities = null, Func<TaskWork, Stimulus?>? invokeInline = null, double waitTimeScale = 1)
    {
        if (stimulus is RedriveRequestedStimulus redrive)
        {
            header = header with { RedriveClientToken = redrive.ClientToken };
        }

        if (stimulus is TaskSubmittedStimulus submitted && header.Children is { } children && children.TryGetValue(submitted.TaskId, out var child))
        {
            if (child.Submitted)
            {
                // The child finished first and its answer recorded this TaskSubmitted already: nothing is left to do.
                return new StepPlan(header) { Snapshot = snapshot! };
            }

            header = header with { Children = children.SetItem(submitted.TaskId, child with { Submitted = true }) };
        }

        var plan = new StepPlan(header);
        var pending = new Queue<Stimulus>();
        pending.Enqueue(stimulus);
        // One sequence for the whole step: the frames a decision copies stay the step's for the decisions after it.
        var random = new DecisionRandom();
        var sequence = DecisionSequence.Start(machine, snapshot, now, random, maxPayloadBytes, missingActivities);
        int events = 0;
        int commands = 0;
        while (pending.TryDequeue(out var next))
        {
            random.Reseed(StableHash.ToSeed(StableHash.Combine((ulong)(uint)header.Seed, sequence.Snapshot?.NextEventId ?? 0)));
            sequence.Apply(next);
            snapshot = sequence.Snapshot;
            if (next is RedriveRequestedStimulus)
            {
                plan._redrive = new ExecutionRedrive(snapshot!.Info.RedriveCount ?? 0, now);
            }

            plan.Record(sequence, events, commands, pending, now, invokeInline, waitTimeScale);
            events = sequence.Events.Count;
            commands = sequence.Commands.Count;
        }

        plan.Snapshot = snapshot!;
        plan.ReleaseChildren(stimulus, now);
        return plan;
    }

    /// <summary>
    /// The commit of this step after <paramref name="expectedLastEventId"/>, completing <paramref name="lease"/> and the
    /// fired timer, leasing enqueued work as <paramref name="grant"/> allows, and dropping <paramref name="answeredToken"/>
    /// and the claimed activity task <paramref name="takenActivityTask"/> (whose ActivityStarted this step records).
    /// The token of a task that timed out or was abandoned stays indexed until the execution ends, so a late answer is
    /// told the task timed out (AWS's TaskTimedOut).
    /// </summary>
    public StepCommit ToCommit(long expectedLastEventId, WorkLease? lease, long firedTimerId, WorkLeaseGrant? grant, string? answeredToken = null,
        string? takenActivityTask = null)
    {
        if (firedTimerId != 0 && !_timersToCancel.Contains(firedTimerId))
        {
            _timersToCancel.Add(firedTimerId);
        }

        return new StepCommit
        {
            ExecutionArn = Snapshot.Info.ExecutionArn,
            ExpectedLastEventId = expectedLastEventId,
            Events = _events,
            // An execution that can never run again keeps its header only (see DurableSnapshot).
            Snapshot = new DurableSnapshot(Header, _completion is null or { RedriveStatus: ExecutionRedriveStatuses.Redrivable } ? Snapshot : null).Serialize(),
            Completion = _completion,
            Redrive = _redrive,
            TimersToStart = _timersToStart,
            TimersToCancel = _timersToCancel,
            WorkToEnqueue = _work,
            LeaseWork = grant,
            TaskTokensToAdd = _tokens,
            TaskTokensToRemove = answeredToken is null ? [] : [answeredToken],
            ActivityTasksToEnqueue = _activityTasks,
            ActivityTasksToRemove = takenActivityTask is null ? [] : [takenActivityTask],
            CompletesWork = lease,
        };
    }

    /// <summary>What the committed step did, given what its commit answered (the last event id and the work leased to this node).</summary>
    public StepOutcome Outcome(StepCommitResult committed) =>
        // Only timers and work left in the store need the dispatcher to look at the store again.
        new(true, _timersToStart.Count > 0 || _work.Count > committed.LeasedWork.Count, _completion, _cancelledTasks, committed.LeasedWork,
            _activityTasks.Count > 0, committed.LastEventId, Snapshot.Info.RedriveCount ?? 0);

    /// <summary>
    /// Forgets the children of nested <c>.sync</c> tasks that no longer wait, and stops those whose task did not end by
    /// the child's own answer (the task timed out, its branch or the execution ended): AWS stops a child whose parent
    /// stops waiting for it.
    /// </summary>
    private void ReleaseChildren(Stimulus stimulus, DateTimeOffset now)
    {
        if (Header.Children is not { Count: > 0 } children)
        {
            return;
        }

        long? answered = stimulus switch
        {
            TaskSucceededStimulus s => s.TaskId,
            TaskFailedStimulus f => f.TaskId,
            _ => null,
        };
        var remaining = children;
        foreach (var (taskId, child) in children)
        {
            if (_completion is null && Snapshot.IsTaskPending(taskId))
            {
                continue;
            }

            remaining = remaining.Remove(taskId);
            if (taskId != answered)
            {
                _work.Add(NestedExecutionWork.StopChild(Snapshot.Info.ExecutionArn, taskId, child.ExecutionArn, now));
            }
        }

        Header = Header with { Children = remaining };
    }

    /// <summary>Records the decision whose events and commands are those of <paramref name="sequence"/> past the given counts.</summary>
    private void Record(DecisionSequence sequence, int firstEvent, int firstCommand, Queue<Stimulus> pending, DateTimeOffset now,
        Func<TaskWork, Stimulus?>? invokeInline, double waitTimeScale)
    {
        var snapshot = sequence.Snapshot!;
        var info = snapshot.Info;
        var events = sequence.Events;
        for (int i = firstEvent; i < events.Count; i++)
        {
            // The store writes the event's text when it needs it: as UTF-8 into the step's row, each payload once.
            var e = events[i];
            _events.Add(new StoredEvent(e.Id, e.Type, e.Timestamp, new HistoryEventText(e)));
        }

        var commands = sequence.Commands;
        for (int i = firstCommand; i < commands.Count; i++)
        {
            var command = commands[i];
            switch (command)
            {
                case InvokeTaskCommand { IsActivity: true } activity:
                    // An activity task waits in its activity's queue; it starts when a worker takes it (GetActivityTask).
                    _activityTasks.Add(new ActivityTask(activity.Resource, activity.TaskToken!, activity.Input.ToJsonString(), info.ExecutionArn, now));
                    _tokens.Add(new TaskTokenEntry(activity.TaskToken!, info.ExecutionArn, activity.TaskId, activity.StateName, now));
                    break;
                case InvokeTaskCommand invoke:
                    pending.Enqueue(new TaskStartedStimulus(invoke.TaskId));
                    var work = new TaskWork(info.ExecutionArn, info.StateMachineName, Header.MockTestCase, invoke);
                    if (invokeInline?.Invoke(work) is { } answered)
                    {
                        pending.Enqueue(answered);
                        break;
                    }

                    _work.Add(new WorkItem(TaskWork.IdempotencyKey(info.ExecutionArn, invoke.TaskId), WorkKinds.InvokeTask,
                        info.ExecutionArn, work.Serialize(), now));
                    if (NestedExecutionWork.IsSyncStart(invoke.Resource) && NestedStart.TryRead(invoke.Input, invoke.Context) is { } start)
                    {
                        // The parent knows its child from the start, so a parent that stops waiting before the task
                        // even ran still stops the child the task may yet start.
                        Header = Header with
                        {
                            Children = (Header.Children ?? ImmutableSortedDictionary<long, NestedChild>.Empty)
                                .SetItem(invoke.TaskId, new NestedChild(start.ChildExecutionArn, Submitted: false)),
                        };
                    }

                    if (invoke.TaskToken is not null)
                    {
                        _tokens.Add(new TaskTokenEntry(invoke.TaskToken, info.ExecutionArn, invoke.TaskId, invoke.StateName, now));
                    }

                    break;
                case StartTimerCommand timer:
                    _timersToCancel.Remove(timer.TimerId);
                    _timersToStart.Add(new DurableTimer(info.ExecutionArn, timer.TimerId, WaitTimeScale.Due(timer, now, waitTimeScale)));
                    break;
                case CancelTimerCommand cancel:
                    // A timer started and cancelled within the same step is simply never written.
                    if (!RemoveTimerToStart(cancel.TimerId))
                    {
                        _timersToCancel.Add(cancel.TimerId);
                    }

                    break;
                case CancelTaskCommand cancelTask:
                    _cancelledTasks.Add(cancelTask.TaskId);
                    break;
                case StartMapRunCommand startMapRun:
                    _work.Add(MapRunWork.Start(info.ExecutionArn, startMapRun, now));
                    break;
                case StopMapRunCommand stopMapRun:
                    _work.Add(MapRunWork.Stop(info.ExecutionArn, stopMapRun.MapRunArn, now));
                    break;
                case FinishExecutionCommand finish:
                    _completion = ToCompletion(finish, now, snapshot.NextEventId - 1);
                    if (Header.Parent is { } parent)
                    {
                        // Enqueued with the completion itself, so the parent's task is answered even after a crash.
                        _work.Add(NestedExecutionWork.AnswerParent(parent, info.ExecutionArn, snapshot.NextEventId - 1, now));
                    }

                    if (Header.MapRunChild is { } link)
                    {
                        _work.Add(MapRunChildWork.Ended(link, info.ExecutionArn, snapshot.NextEventId - 1, now));
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Drops the timers this step started as <paramref name="timerId"/>; false when it started none. A loop rather than a
    /// predicate, whose closure over the command the switch above allocated for every command of every step.
    /// </summary>
    private bool RemoveTimerToStart(long timerId)
    {
        bool removed = false;
        for (int i = _timersToStart.Count - 1; i >= 0; i--)
        {
            if (_timersToStart[i].TimerId == timerId)
            {
                _timersToStart.RemoveAt(i);
                removed = true;
            }
        }

        return removed;
    }

    private static ExecutionCompletion ToCompletion(FinishExecutionCommand finish, DateTimeOffset now, long lastEventId)
    {
        // AWS redrives an execution only while its history has room for ExecutionRedriven and one more event
        // (RedriveExecution API reference: "less than 24,999" events).
        var (redriveStatus, reason) = finish.Outcome == ExecutionOutcome.Succeeded
            ? (ExecutionRedriveStatuses.NotRedrivable, ExecutionRedriveStatuses.SucceededReason)
            : lastEventId >= MaxRedrivableEvents
                ? (ExecutionRedriveStatuses.NotRedrivable, ExecutionRedriveStatuses.HistoryLimitReason)
                : (ExecutionRedriveStatuses.Redrivable, (string?)null);
        return finish.Outcome switch
        {
            ExecutionOutcome.Succeeded => new ExecutionCompletion(ExecutionStatuses.Succeeded, now, finish.Output?.ToJsonString(),
                RedriveStatus: redriveStatus, RedriveStatusReason: reason),
            ExecutionOutcome.Failed => new ExecutionCompletion(ExecutionStatuses.Failed, now, null, finish.Error, finish.Cause, redriveStatus, reason),
            // DescribeExecution reports a timed-out execution without error or cause (timeouts/test_global_timeout).
            ExecutionOutcome.TimedOut => new ExecutionCompletion(ExecutionStatuses.TimedOut, now, RedriveStatus: redriveStatus, RedriveStatusReason: reason),
            _ => new ExecutionCompletion(ExecutionStatuses.Aborted, now, null, finish.Error, finish.Cause, redriveStatus, reason),
        };
    }

    /// <summary>An execution with this many events or more cannot be redriven.</summary>
    internal const long MaxRedrivableEvents = 24_999;
}
