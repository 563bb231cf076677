using System.Threading.Channels;
using Stepwise.Definition.Model;
using Stepwise.Hosting.MapRuns;
using Stepwise.Hosting.Time;
using Stepwise.Integrations;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Items;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime;

namespace Stepwise.Hosting;

/// <summary>
/// Drives one execution in memory: feeds stimuli to <see cref="Interpreter.Decide"/>, runs the commands it returns
/// (tasks through the <see cref="TaskDispatcher"/>, timers on the clock) and collects the history. One loop owns
/// the snapshot; task completions come back through a channel.
/// </summary>
internal sealed class ExecutionLoop
{
    /// <summary>
    /// Under FastTime, how long a running task may keep the virtual clock from jumping to a due timer (a task
    /// timeout, typically). Tasks that answer promptly never meet it.
    /// </summary>
    private static readonly TimeSpan s_fastTimeGrace = TimeSpan.FromSeconds(2);

    private readonly StateMachine _definition;
    private readonly TaskDispatcher _dispatcher;
    private readonly ExecutionInfo _info;
    private readonly RunOptions _run;
    private readonly StepwiseEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly VirtualClock? _virtual;
    private readonly Random _random;
    private List<HistoryEvent> _history = [];
    private readonly Queue<Stimulus> _local = new();
    private readonly List<Stimulus> _batch = [];

    /// <summary>The results of the tasks that answered synchronously while the last decision's commands ran.</summary>
    private readonly List<Stimulus> _completedNow = [];
    /// <summary>
    /// Where tasks that complete asynchronously report; made on first need, as most executions (Pass states, handlers
    /// that answer synchronously) never wait and a channel is most of what a short execution allocates.
    /// </summary>
    private Channel<Stimulus>? _completions;
    private readonly Dictionary<long, DateTimeOffset> _timers = [];
    private readonly Dictionary<long, CancellationTokenSource> _inflight = [];

    /// <summary>A cancellation source that served a task which answered synchronously, ready for the next task.</summary>
    private CancellationTokenSource? _spareCancellation;

    /// <summary>The Map Runs this execution waits on, each run by a <see cref="MapRunCoordinator"/> in the background.</summary>
    private readonly Dictionary<string, CancellationTokenSource> _mapRuns = new(StringComparer.Ordinal);

    /// <summary>.waitForTaskToken tasks whose call went out (TaskSubmitted): the execution waits on them though no call runs.</summary>
    private readonly HashSet<long> _awaitingToken = [];
    private readonly Dictionary<string, int> _mockAttempts = new(StringComparer.Ordinal);

    /// <summary>The tokens this execution issued, by task, routed in <see cref="_routes"/> until the execution ends.</summary>
    private readonly Dictionary<long, WaitingTask> _tokens = [];
    private readonly TaskTokenRoutes _routes;

    /// <summary>Tasks of the stimuli being decided that now wait for their token, for <see cref="RunOptions.OnTaskWaiting"/>.</summary>
    private readonly List<long> _submitted = [];
    private ExecutionSnapshot? _snapshot;
    private CancellationToken _cancellationToken;

    public ExecutionLoop(StateMachine definition, TaskDispatcher dispatcher, ExecutionInfo info, RunOptions run,
        StepwiseEngineOptions options, TimeProvider time, VirtualClock? virtualClock, Random random, TaskTokenRoutes routes)
    {
        _routes = routes;
        _definition = definition;
        _dispatcher = dispatcher;
        _info = info;
        _run = run;
        _options = options;
        _time = time;
        _virtual = virtualClock;
        _random = random;
    }

    private DateTimeOffset Now => _virtual?.Now ?? _time.GetUtcNow();

    /// <summary>Whether the task <paramref name="taskId"/> still waits; safe from any thread (snapshots are immutable).</summary>
    public bool IsTaskPending(long taskId) => Volatile.Read(ref _snapshot)?.IsTaskPending(taskId) ?? false;

    /// <summary>Delivers a stimulus from outside the loop (a task-token answer); the loop applies it in turn.</summary>
    public void Post(Stimulus stimulus) => Completions.Writer.TryWrite(stimulus);

    /// <summary>Made on first need, by the loop or by a thread answering a task token or reporting a .sync job's start.</summary>
    private Channel<Stimulus> Completions => Volatile.Read(ref _completions)
        ?? Interlocked.CompareExchange(ref _completions, Channel.CreateUnbounded<Stimulus>(), null)
        ?? _completions!;

    public async Task<ExecutionResult> RunAsync(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        try
        {
            Apply(new ExecutionStartedStimulus(_info));
            while (!_snapshot!.IsFinished)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_local.Count > 0)
                {
                    ApplyLocal();
                    continue;
                }

                if (Volatile.Read(ref _completions) is { } completions && completions.Reader.TryRead(out var stimulus))
                {
                    Apply(stimulus);
                    continue;
                }

                await WaitForNextAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var cts in _inflight.Values)
            {
                await cts.CancelAsync().ConfigureAwait(false);
                cts.Dispose();
            }

            _inflight.Clear();
            _spareCancellation?.Dispose();
            foreach (var cts in _mapRuns.Values)
            {
                await cts.CancelAsync().ConfigureAwait(false);
                cts.Dispose();
            }

            _mapRuns.Clear();
            foreach (var waiting in _tokens.Values)
            {
                _routes.Remove(waiting.TaskToken);
            }
        }

        var snapshot = _snapshot;
        var status = snapshot.Outcome switch
        {
            ExecutionOutcome.Succeeded => ExecutionStatus.Succeeded,
            ExecutionOutcome.Failed => ExecutionStatus.Failed,
            ExecutionOutcome.TimedOut => ExecutionStatus.TimedOut,
            ExecutionOutcome.Aborted => ExecutionStatus.Aborted,
            _ => ExecutionStatus.Running,
        };
        // DescribeExecution reports a timed-out execution without error or cause (timeouts/test_global_timeout);
        // its ExecutionTimedOut event still carries States.Timeout.
        bool reportsError = status != ExecutionStatus.TimedOut;
        return new ExecutionResult(_info.ExecutionArn, _info.StateMachineArn, status, snapshot.Output,
            reportsError ? snapshot.Error : null, reportsError ? snapshot.Cause : null,
            _history, _info.StartTime, _history.Count > 0 ? _history[^1].Timestamp : _info.StartTime);
    }

    /// <summary>Nothing is ready: wait for a task to complete or the next timer to come due (or jump to it under FastTime).</summary>
    private async Task WaitForNextAsync(CancellationToken cancellationToken)
    {
        long nextTimer = 0;
        DateTimeOffset due = DateTimeOffset.MaxValue;
        foreach (var (id, timerDue) in _timers)
        {
            if (timerDue < due || (timerDue == due && id < nextTimer))
            {
                nextTimer = id;
                due = timerDue;
            }
        }

        if (nextTimer == 0)
        {
            // A submitted .waitForTaskToken task waits for its answer as long as AWS would: without a timeout, until
            // SendTaskSuccess/Failure (StepwiseEngine.SendTask*) or cancellation.
            if (_inflight.Count == 0 && _awaitingToken.Count == 0 && _mapRuns.Count == 0)
            {
                throw new InvalidOperationException("The execution waits on nothing: no task is running and no timer is due.");
            }

            await Completions.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_virtual is not null)
        {
            // A Map Run's children keep their own clocks: the parent's time moves on only when the run has answered.
            if (_mapRuns.Count > 0)
            {
                await Completions.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            // A task waiting for its token gets the same grace as a running one: its answer may be on its way.
            if ((_inflight.Count > 0 || _awaitingToken.Count > 0) && await WaitForCompletionAsync(s_fastTimeGrace, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            _virtual.AdvanceTo(due);
            FireTimer(nextTimer);
            return;
        }

        var delay = due - _time.GetUtcNow();
        if (delay > TimeSpan.Zero && await WaitForCompletionAsync(delay, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        FireTimer(nextTimer);
    }

    /// <summary>True when a task completion arrived within <paramref name="timeout"/>.</summary>
    private async Task<bool> WaitForCompletionAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var read = Completions.Reader.WaitToReadAsync(linked.Token).AsTask();
        // Under FastTime the grace is real time: the given clock may be a fake that never moves on its own.
        var delay = Task.Delay(timeout, _virtual is null ? _time : TimeProvider.System, linked.Token);
        var winner = await Task.WhenAny(read, delay).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return winner == read && read.IsCompletedSuccessfully;
    }

    private void FireTimer(long timerId)
    {
        _timers.Remove(timerId);
        Apply(new TimerFiredStimulus(timerId));
    }

    /// <summary>
    /// Decides every stimulus the last decision's commands queued here (each task's TaskStarted, then the results of
    /// tasks that completed synchronously) in one decision: they were all known before it, so deciding them together
    /// gives the events of deciding them one by one, with one snapshot copy per task round trip instead of three.
    /// </summary>
    private void ApplyLocal()
    {
        _batch.Clear();
        while (_local.TryDequeue(out var stimulus))
        {
            Track(stimulus);
            _batch.Add(stimulus);
        }

        var now = Now;
        Decide(Interpreter.DecideBatch(_definition, _snapshot!, _batch, now, _random, _options.MaxPayloadBytes), now);
    }

    private void Apply(Stimulus stimulus)
    {
        Track(stimulus);
        var now = Now;
        Decide(Interpreter.Decide(_definition, _snapshot, stimulus, now, _random, _options.MaxPayloadBytes), now);
    }

    /// <summary>A task's outcome ends its in-flight bookkeeping (a submitted .waitForTaskToken task now waits for its token).</summary>
    private void Track(Stimulus stimulus)
    {
        if (stimulus is TaskSucceededStimulus { TaskId: var succeeded })
        {
            ForgetTask(succeeded);
            _awaitingToken.Remove(succeeded);
        }
        else if (stimulus is TaskSubmittedStimulus { TaskId: var submitted } && _tokens.ContainsKey(submitted))
        {
            // A .waitForTaskToken call went out and returned; a .sync job's submission leaves its poll running.
            ForgetTask(submitted);
            _awaitingToken.Add(submitted);
            _submitted.Add(submitted);
        }
        else if (stimulus is TaskFailedStimulus { TaskId: var failed })
        {
            ForgetTask(failed);
            _awaitingToken.Remove(failed);
        }
        else if (stimulus is MapRunSucceededStimulus { MapRunArn: var succeededRun })
        {
            ForgetMapRun(succeededRun);
        }
        else if (stimulus is MapRunFailedStimulus { MapRunArn: var failedRun })
        {
            ForgetMapRun(failedRun);
        }
    }

    /// <summary>Takes <paramref name="decision"/>, made at <paramref name="now"/>: records its events and runs its commands.</summary>
    private void Decide(Decision decision, DateTimeOffset now)
    {
        Volatile.Write(ref _snapshot, decision.Snapshot);
        if (_history.Count == 0 && decision.Events is List<HistoryEvent> first)
        {
            // The first decision's list is nobody else's: taking it saves a copy, which for an execution decided in one
            // step (a Map of Pass states) is its whole history, tens of thousands of events.
            _history = first;
        }
        else
        {
            _history.AddRange(decision.Events);
        }
        if (_run.OnEvent is { } onEvent)
        {
            foreach (var e in decision.Events)
            {
                onEvent(e);
            }
        }

        foreach (long waitingId in _submitted)
        {
            if (_run.OnTaskWaiting is { } onWaiting && _tokens.TryGetValue(waitingId, out var waiting) && decision.Snapshot.IsTaskPending(waitingId))
            {
                onWaiting(waiting);
            }
        }

        _submitted.Clear();

        // Indexed, not foreach: the commands are an IReadOnlyList, whose enumerator is an allocation per decision.
        var commands = decision.Commands;
        for (int i = 0; i < commands.Count; i++)
        {
            switch (commands[i])
            {
                case InvokeTaskCommand invoke:
                    _local.Enqueue(new TaskStartedStimulus(invoke.TaskId));
                    StartTask(invoke, now);
                    break;
                case StartTimerCommand timer:
                    _timers[timer.TimerId] = WaitTimeScale.Due(timer, now, _options.Integrations?.WaitTimeScale ?? 1);
                    break;
                case CancelTimerCommand cancel:
                    _timers.Remove(cancel.TimerId);
                    break;
                case StartMapRunCommand startMapRun:
                    StartMapRun(startMapRun);
                    break;
                case StopMapRunCommand stopMapRun:
                    if (_mapRuns.Remove(stopMapRun.MapRunArn, out var runCts))
                    {
                        runCts.Cancel();
                        runCts.Dispose();
                    }

                    break;
                case CancelTaskCommand cancelTask:
                    if (_inflight.Remove(cancelTask.TaskId, out var cts))
                    {
                        cts.Cancel();
                        cts.Dispose();
                    }

                    break;
            }
        }

        // Tasks that completed synchronously report after every TaskStarted of this decision, as AWS orders them.
        foreach (var completion in _completedNow)
        {
            _local.Enqueue(completion);
        }

        _completedNow.Clear();
    }

    private void ForgetMapRun(string mapRunArn)
    {
        if (_mapRuns.Remove(mapRunArn, out var cts))
        {
            cts.Dispose();
        }
    }

    /// <summary>Runs a Map Run in the background; its answer comes back through the completions channel.</summary>
    private void StartMapRun(StartMapRunCommand command)
    {
        var integrations = _options.Integrations ?? new IntegrationsConfiguration();
        var children = new InMemoryMapRunChildren(_dispatcher, _options, _time, _virtual is not null, _routes, _run.MockTestCase);
        var coordinator = new MapRunCoordinator(command, _definition, children, ItemIO.CreateItemSource(integrations, _options.Region, _time),
            ItemIO.CreateResultSink(integrations, _options.Region, _time), _time, _options.MaxPayloadBytes, _random.Next());
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        _mapRuns[command.MapRunArn] = cts;
        _ = RunMapRunAsync(Completions.Writer, coordinator, cts.Token);
    }

    private static async Task RunMapRunAsync(ChannelWriter<Stimulus> completions, MapRunCoordinator coordinator, CancellationToken cancellationToken)
    {
        try
        {
            completions.TryWrite(await coordinator.RunAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The execution stopped waiting for the run.
        }
#pragma warning disable CA1031 // A fault of the run fails the Map state instead of leaving the execution waiting forever.
        catch (Exception e)
#pragma warning restore CA1031
        {
            completions.TryWrite(new MapRunFailedStimulus(coordinator.MapRunArn, StatesErrors.Runtime, e.Message));
        }
    }

    private void ForgetTask(long taskId)
    {
        if (_inflight.Remove(taskId, out var cts))
        {
            cts.Dispose();
        }
    }

    private void StartTask(InvokeTaskCommand command, DateTimeOffset now)
    {
        // Only a mock configuration's test case reads the attempt count (its repetition keys).
        int attempt = 0;
        if (_run.MockTestCase is not null)
        {
            _mockAttempts.TryGetValue(command.StateName, out attempt);
            _mockAttempts[command.StateName] = attempt + 1;
        }

        if (command.TaskToken is { } token)
        {
            _tokens[command.TaskId] = new WaitingTask(command.StateName, token);
            _routes.Add(token, this, command.TaskId);
        }

        var invocation = new TaskInvocation(command.Resource, command.Input, command.TaskToken, command.Context,
            _info.StateMachineName, command.StateName, _run.MockTestCase, attempt, _options.Region, _options.AccountId,
            RandomIds.NewUuid(_random), now)
        {
            // Only a .sync job reports its start; the callback is one closure per task, so other tasks go without.
            Submitted = command.TaskToken is null && command.Resource.Contains(".sync", StringComparison.Ordinal) ? ReportSubmitted(command.TaskId) : null,
        };

        // Not linked to the execution's token: when that one is cancelled, the loop stops and cancels every task in
        // flight itself (RunAsync's finally). A source whose task answered synchronously is reset and serves the next
        // task, so a chain of quick handlers allocates none.
        var cts = _spareCancellation ?? new CancellationTokenSource();
        _spareCancellation = null;
        ValueTask<TaskOutcome> pending;
        try
        {
            pending = _dispatcher.InvokeAsync(invocation, cts.Token);
        }
#pragma warning disable CA1031 // The dispatcher converts handler failures; anything else still fails only this task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            pending = ValueTask.FromResult(TaskOutcome.Failure(e.GetType().Name, e.Message));
        }

        if (pending.IsCompletedSuccessfully)
        {
            if (cts.TryReset())
            {
                _spareCancellation = cts;
            }
            else
            {
                cts.Dispose();
            }

            _completedNow.Add(ToStimulus(command.TaskId, pending.Result));
            return;
        }

        _inflight[command.TaskId] = cts;
        _ = CompleteAsync(Completions.Writer, command.TaskId, pending.AsTask(), cts.Token);
    }

    /// <summary>How a .sync job's start reaches the history: as a TaskSubmitted stimulus ahead of the task's outcome.</summary>
    private Func<JsonValue, CancellationToken, ValueTask> ReportSubmitted(long taskId) => (output, _) =>
    {
        Completions.Writer.TryWrite(new TaskSubmittedStimulus(taskId, output));
        return ValueTask.CompletedTask;
    };

    private static async Task CompleteAsync(ChannelWriter<Stimulus> completions, long taskId, Task<TaskOutcome> pending, CancellationToken cancellationToken)
    {
        TaskOutcome outcome;
        try
        {
            outcome = await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // See StartTask.
        catch (Exception e)
#pragma warning restore CA1031
        {
            outcome = TaskOutcome.Failure(e.GetType().Name, e.Message);
        }

        completions.TryWrite(ToStimulus(taskId, outcome));
    }

    private static Stimulus ToStimulus(long taskId, TaskOutcome outcome) => outcome switch
    {
        { IsFailure: true } => new TaskFailedStimulus(taskId, outcome.Error!, outcome.Cause),
        { IsSubmitted: true } => new TaskSubmittedStimulus(taskId, outcome.Output!),
        _ => new TaskSucceededStimulus(taskId, outcome.Output!),
    };
}
