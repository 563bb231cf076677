using System.Collections.Concurrent;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The durable dispatcher (DESIGN.md §3–4): leases due timers and queued work from the store, runs each as one step
/// (lease → decide → one atomic commit → dispatch), with at most <see cref="DurableEngineOptions.MaxConcurrency"/> at
/// once. Nothing waits in memory: a waiting execution is a timer row or a queued work item, and a restarted process
/// picks up whatever the store holds, which is all recovery needs.
/// </summary>
internal sealed class DurableDispatcher : IAsyncDisposable
{
    private readonly IStepwiseStore _store;
    private readonly StepRunner _runner;
    private readonly TaskDispatcher _tasks;
    private readonly DurableEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly string _owner;
    private readonly Action<string, StepOutcome> _completed;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _hard = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _inflightTasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<LeasedWorkItem, CancellationToken, Task<LeasedWorkItem?>>> _workHandlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<TaskWork, CancellationToken, ValueTask<TaskOutcome>>> _engineTasks = new(StringComparer.Ordinal);
    // One lock: calls that go on running after their inline start are rare, and every inline call asks IsEmpty, which
    // takes all of a dictionary's locks when it is empty.
    private readonly ConcurrentDictionary<string, Task<TaskOutcome>> _startedInline = new(concurrencyLevel: 1, capacity: 31, StringComparer.Ordinal);
    private CancellationTokenSource? _spareInline;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextRunId;
    private Task? _loop;
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _crashed;

    public DurableDispatcher(IStepwiseStore store, StepRunner runner, TaskDispatcher tasks, DurableEngineOptions options, TimeProvider time,
        Action<string, StepOutcome> completed)
    {
        _store = store;
        _runner = runner;
        _tasks = tasks;
        _options = options;
        _time = time;
        _completed = completed;
        _owner = options.NodeId ?? $"{Environment.MachineName}:{Environment.ProcessId}";
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
    }

    /// <summary>Invoked when a step fails with an unexpected exception (the step is retried when its lease expires).</summary>
    public Action<Exception>? OnError { get; set; }

    /// <summary>Whether the loop and the slots have caught up with the clock (see <see cref="IdleTracker"/>).</summary>
    public IdleTracker Idle { get; } = new();

    /// <summary>
    /// Starts the loop. The task completes once the loop's first pass (recovery: due timers and queued work) has leased
    /// what it could: that pass holds every free slot while it looks, so a step committed during it could lease none of
    /// its own work and would leave it to the queue.
    /// </summary>
    public Task StartAsync()
    {
        if (_loop is null)
        {
            // The loop is busy from now until it first sleeps (Exit at its end).
            Idle.Enter();
            _loop = Task.Run(() => RunAsync(_stopping.Token));
        }

        return _firstPass.Task;
    }

    /// <summary>
    /// Does work items of <paramref name="kind"/> with <paramref name="handler"/> (register before <see cref="StartAsync"/>).
    /// The handler completes the item's lease (with its step's commit, or on its own) and returns the work that step
    /// leased for this slot, as <see cref="AfterStep"/> hands it back; an exception gives the item back for another delivery.
    /// </summary>
    public void RegisterWork(string kind, Func<LeasedWorkItem, CancellationToken, Task<LeasedWorkItem?>> handler) => _workHandlers.Add(kind, handler);

    /// <summary>
    /// Serves Task states whose resource is exactly <paramref name="resource"/> with a handler of the engine's own that
    /// sees whose task it is (register before <see cref="StartAsync"/>); a mocked response still wins, as for every task.
    /// </summary>
    public void RegisterEngineTask(string resource, Func<TaskWork, CancellationToken, ValueTask<TaskOutcome>> handler) => _engineTasks.Add(resource, handler);

    /// <summary>Wakes the loop: something was committed that may be runnable now.</summary>
    public void Signal() => _wake.TrySetResult();

    /// <summary>
    /// Slots for the work a step is about to enqueue (see <see cref="WorkClaim"/>); <paramref name="held"/> is how many the
    /// caller already holds and hands over. Null while the dispatcher is not running: then the work waits in the store.
    /// </summary>
    public WorkClaim? Claim(int held) =>
        _loop is null || _stopping.IsCancellationRequested ? null : new WorkClaim(_slots, held, _owner, _options.LeaseDuration, TryInvokeInline);

    /// <summary>
    /// Runs a task served by a handler in this process while its step is being decided, so that a handler that answers
    /// at once costs no commit of its own: its result is returned as the stimulus the step applies next, and the
    /// scheduled, started and succeeded events share the step's one commit. A handler that does not answer at once keeps
    /// running; the task's work item then picks it up instead of invoking it again (see <see cref="InvokeTaskAsync"/>).
    /// The call is at-least-once, as every task call is: a crash before the commit runs the step, and the call, again.
    /// Null when the task is not served in process, waits for a token, or has not answered yet.
    /// </summary>
    private Stimulus? TryInvokeInline(TaskWork work)
    {
        var command = work.Command;
        if (command.TaskToken is not null || command.IsActivity)
        {
            return null;
        }

        // A handler in this process is handed the request alone, never the Submitted callback (.sync jobs are the
        // service integrations'), so the inline invocation goes without it.
        var invocation = Invocation(work, TaskWork.IdempotencyHash(work.ExecutionArn, command.TaskId), reportsSubmitted: false);
        if (!_tasks.IsServedInProcess(invocation))
        {
            return null;
        }

        var cts = Interlocked.Exchange(ref _spareInline, null) ?? CancellationTokenSource.CreateLinkedTokenSource(_hard.Token);
        var pending = InvokeAsync(work, EngineTask(work), invocation, cts.Token);

        // A step decided again (after a conflict) starts the call again: the earlier one is no longer wanted, whether
        // this one answered at once or not. An earlier call that answered at once left nothing to cancel, so the key
        // (spelled per call) is needed only when some inline call went on running.
        string? key = null;
        if (!_startedInline.IsEmpty)
        {
            key = TaskWork.IdempotencyKey(work.ExecutionArn, command.TaskId);
            CancelEarlierInline(key);
        }

        if (pending.IsCompleted)
        {
            SpareInline(cts);
            return ToStimulus(work, pending.Result);
        }

        if (key is null)
        {
            key = TaskWork.IdempotencyKey(work.ExecutionArn, command.TaskId);
            CancelEarlierInline(key);
        }

        _inflightTasks[key] = cts;
        _startedInline[key] = pending.AsTask();
        return null;
    }

    /// <summary>
    /// Cancels the call an earlier attempt of the same step started inline under <paramref name="key"/> and disposes its
    /// token source once that call is over (nothing else would: its work item was never committed). A source a running
    /// work item holds is only cancelled; that work item disposes it.
    /// </summary>
    private void CancelEarlierInline(string key)
    {
        if (!_inflightTasks.TryRemove(key, out var earlier))
        {
            return;
        }

        earlier.Cancel();
        if (_startedInline.TryRemove(key, out var started))
        {
            started.ContinueWith(static (_, source) => ((CancellationTokenSource)source!).Dispose(), earlier, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Keeps the token source of a call that answered at once for the next one: nothing can cancel a call that is over
    /// (only a task still running is in <see cref="_inflightTasks"/>), so a reset source serves the next task as a new
    /// one would, without linking and unlinking a source to the engine's per task. A source the engine's hard stop
    /// cancelled meanwhile does not reset and is dropped.
    /// </summary>
    private void SpareInline(CancellationTokenSource cts)
    {
        if (!cts.TryReset() || Interlocked.CompareExchange(ref _spareInline, cts, null) is not null)
        {
            cts.Dispose();
        }
    }

    /// <summary>
    /// Reports what a step did: completions to waiters, cancelled tasks to their invocations, new work to the loop, and
    /// starts the work the step's commit leased to this node. With <paramref name="holdsSlot"/> the caller runs the
    /// first leased item in its own slot: it is returned instead of started.
    /// </summary>
    public LeasedWorkItem? AfterStep(string executionArn, StepOutcome outcome, bool holdsSlot = false)
    {
        foreach (long taskId in outcome.CancelledTasks ?? [])
        {
            if (_inflightTasks.TryGetValue(TaskWork.IdempotencyKey(executionArn, taskId), out var cts))
            {
                cts.Cancel();
            }
        }

        if (outcome.Completion is not null)
        {
            foreach (var (key, cts) in _inflightTasks)
            {
                if (key.StartsWith(executionArn + "#", StringComparison.Ordinal))
                {
                    cts.Cancel();
                    _startedInline.TryRemove(key, out _);
                }
            }

            _completed(executionArn, outcome);
        }

        if (outcome.ScheduledSomething)
        {
            Signal();
        }

        if (outcome.QueuedActivityTasks)
        {
            ActivityTasksQueued?.Invoke();
        }

        LeasedWorkItem? mine = null;
        if (outcome.LeasedWork is { } leased)
        {
            for (int i = 0; i < leased.Count; i++)
            {
                var item = leased[i];
                if (holdsSlot && i == 0)
                {
                    mine = item;
                }
                else
                {
                    // The step's claim took a slot for each leased item.
                    RunInTakenSlot(() => ProcessWorkAsync(item));
                }
            }
        }

        return mine;
    }

    /// <summary>Invoked after a step queued activity tasks: wakes workers long-polling in GetActivityTask.</summary>
    public Action? ActivityTasksQueued { get; set; }

    /// <summary>
    /// Graceful shutdown: lease nothing more, let running steps and tasks finish (up to
    /// <see cref="DurableEngineOptions.ShutdownTimeout"/>), then cancel what remains and give its work back to the queue.
    /// </summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        var remaining = Task.WhenAll(_running.Values);
        try
        {
            await remaining.WaitAsync(_options.ShutdownTimeout, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _hard.CancelAsync().ConfigureAwait(false);
            await remaining.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops as a killed process would: cancels everything at once and gives nothing back, so leases held stay held
    /// until they expire. For recovery tests.
    /// </summary>
    public async Task CrashAsync()
    {
        _crashed = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _hard.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await Task.WhenAll(_running.Values).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _spareInline, null)?.Dispose();
        _stopping.Dispose();
        _hard.Dispose();
        _slots.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            // Re-arm the wake signal before looking, so a commit that lands during the scan is not missed.
            if (_wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            try
            {
                bool leased = await LeaseAndRunAsync(stopping).ConfigureAwait(false);
                _firstPass.TrySetResult();
                if (leased)
                {
                    continue;
                }

                await SleepAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A store hiccup must not end the loop: report it and look again after a poll interval.
            catch (Exception e)
#pragma warning restore CA1031
            {
                OnError?.Invoke(e);
                _firstPass.TrySetResult();
                await DelayQuietlyAsync(_options.PollInterval, stopping).ConfigureAwait(false);
            }
        }

        _firstPass.TrySetResult();
        Idle.Exit();
    }

    /// <summary>Leases as much as there are free slots for; true when something was leased.</summary>
    private async Task<bool> LeaseAndRunAsync(CancellationToken stopping)
    {
        // Steps claim slots too (for the work they lease in their commits): take every free one before leasing, so
        // each item leased here has its slot, and give back what is left.
        int taken = 0;
        while (_slots.Wait(0))
        {
            taken++;
        }

        try
        {
            if (taken == 0)
            {
                return false;
            }

            var now = _time.GetUtcNow();
            var timers = await _store.Timers.LeaseDueAsync(now, _options.LeaseDuration, taken, stopping).ConfigureAwait(false);
            foreach (var timer in timers)
            {
                taken--;
                RunInTakenSlot(() => FireTimerAsync(timer));
            }

            int work = 0;
            if (taken > 0)
            {
                var items = await _store.Work.LeaseAsync(_owner, now, _options.LeaseDuration, taken, stopping).ConfigureAwait(false);
                foreach (var item in items)
                {
                    taken--;
                    RunInTakenSlot(() => ProcessWorkAsync(item));
                }

                work = items.Count;
            }

            return timers.Count + work > 0;
        }
        finally
        {
            if (taken > 0)
            {
                _slots.Release(taken);
            }
        }
    }

    /// <summary>Runs <paramref name="step"/> in a slot the caller has taken; the slot is released when it ends.</summary>
    private void RunInTakenSlot(Func<Task> step)
    {
        long id = Interlocked.Increment(ref _nextRunId);
        Idle.Enter();
        var task = Task.Run(async () =>
        {
            try
            {
                await step().ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
                _running.TryRemove(id, out _);
                Signal();
                Idle.Exit();
            }
        });
        _running[id] = task;
    }

    /// <summary>Sleeps until the next timer is due, new work is signalled, or a poll interval passed, whichever comes first.</summary>
    private async Task SleepAsync(CancellationToken stopping)
    {
        var wake = _wake.Task;
        var now = _time.GetUtcNow();
        var delay = _options.PollInterval;
        if (_slots.CurrentCount > 0)
        {
            var nextTimer = await _store.Timers.GetNextDueTimeAsync(stopping).ConfigureAwait(false);
            var nextWork = await _store.Work.GetNextAvailableAtAsync(stopping).ConfigureAwait(false);
            delay = Earlier(delay, nextTimer, now);
            delay = Earlier(delay, nextWork, now);
        }

        using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var woken = Task.WhenAny(wake, Task.Delay(delay, _time, cancelDelay.Token));
        using (Idle.Wait(woken, wake))
        {
            await woken.ConfigureAwait(false);
        }

        await cancelDelay.CancelAsync().ConfigureAwait(false);
        stopping.ThrowIfCancellationRequested();
    }

    private static TimeSpan Earlier(TimeSpan delay, DateTimeOffset? due, DateTimeOffset now)
    {
        // A time already past belongs to something leased (by this process or another): the poll covers it.
        if (due is { } at && at > now && at - now < delay)
        {
            return at - now;
        }

        return delay;
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            var delayed = Task.Delay(delay, _time, stopping);
            using var waiting = Idle.Wait(delayed);
            await delayed.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FireTimerAsync(DurableTimer timer)
    {
        try
        {
            var outcome = await _runner.StepAsync(timer.ExecutionArn, new TimerFiredStimulus(timer.TimerId), null, timer.TimerId, Claim(held: 1),
                _hard.Token).ConfigureAwait(false);
            if (AfterStep(timer.ExecutionArn, outcome, holdsSlot: true) is { } next)
            {
                await ProcessWorkAsync(next).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_hard.IsCancellationRequested)
        {
            // Shut down mid-step: nothing was committed, and the timer's lease expires so it fires again.
        }
#pragma warning disable CA1031 // The timer stays in the store and is due again when its lease expires.
        catch (Exception e)
#pragma warning restore CA1031
        {
            OnError?.Invoke(e);
        }
    }

    /// <summary>Does leased work, then the work its step leased in turn, in the same slot, until a step leases none.</summary>
    private async Task ProcessWorkAsync(LeasedWorkItem item)
    {
        for (LeasedWorkItem? next = item; next is not null;)
        {
            if (_stopping.IsCancellationRequested)
            {
                // Shutting down: leave the rest of the chain to whoever leases it next.
                await GiveBackAsync(next).ConfigureAwait(false);
                return;
            }

            next = await ProcessOneAsync(next).ConfigureAwait(false);
        }
    }

    /// <summary>Does one leased work item; returns the work its step leased for this slot, if any.</summary>
    private async Task<LeasedWorkItem?> ProcessOneAsync(LeasedWorkItem item)
    {
        try
        {
            if (string.Equals(item.Item.Kind, WorkKinds.InvokeTask, StringComparison.Ordinal))
            {
                return await InvokeTaskAsync(item).ConfigureAwait(false);
            }
            else if (_workHandlers.TryGetValue(item.Item.Kind, out var handler))
            {
                return await handler(item, _hard.Token).ConfigureAwait(false);
            }
            else
            {
                // Work of a kind this build does not know (a newer node's): leave it for a node that does.
                await _store.Work.AbandonAsync(item.Lease, _time.GetUtcNow() + _options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_hard.IsCancellationRequested)
        {
            await GiveBackAsync(item).ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            // Another delivery of the same work owns it now; its outcome wins.
        }
#pragma warning disable CA1031 // The item is given back and delivered again: at-least-once.
        catch (Exception e)
#pragma warning restore CA1031
        {
            OnError?.Invoke(e);
            await GiveBackAsync(item, _options.PollInterval).ConfigureAwait(false);
        }

        return null;
    }

    private async Task GiveBackAsync(LeasedWorkItem item, TimeSpan after = default)
    {
        if (_crashed)
        {
            return;
        }

        try
        {
            await _store.Work.AbandonAsync(item.Lease, _time.GetUtcNow() + after, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort: if this fails too, the lease simply expires.
        catch (Exception e)
#pragma warning restore CA1031
        {
            OnError?.Invoke(e);
        }
    }

    private async Task<LeasedWorkItem?> InvokeTaskAsync(LeasedWorkItem item)
    {
        var work = TaskWork.Deserialize(item.Item.Payload);
        string key = item.Item.IdempotencyKey;
        // A task its step started inline (and that did not answer at once) is awaited, not invoked a second time.
        CancellationTokenSource? startedCts = null;
        bool startedInline = _startedInline.TryRemove(key, out var started) && _inflightTasks.TryGetValue(key, out startedCts);
        var cts = startedInline ? startedCts! : CancellationTokenSource.CreateLinkedTokenSource(_hard.Token);
        _inflightTasks[key] = cts;
        TaskOutcome outcome;
        try
        {
            using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
            var renewing = RenewWhileRunningAsync(item.Lease, cts, renewal.Token);
            var own = startedInline ? null : EngineTask(work);
            var handling = startedInline ? started!.WaitAsync(cts.Token) : InvokeAsync(work, own, Invocation(work, StableHash.Of(key)), cts.Token).AsTask();
            // A handler of the host's answers when it will, which no clock of the engine's decides: the slot waits on it
            // idle until it answers. The engine's own tasks (a nested start) are steps of the engine's, and busy.
            using var waiting = own is null ? Idle.Wait(handling) : null;
            try
            {
                outcome = await handling.ConfigureAwait(false);
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested && !_hard.IsCancellationRequested)
        {
            // The execution no longer waits for this task (it timed out, its branch failed, the execution stopped) or
            // the lease was lost: there is nothing to report.
            await _store.Work.CompleteAsync(item.Lease, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        finally
        {
            _inflightTasks.TryRemove(new KeyValuePair<string, CancellationTokenSource>(key, cts));
            cts.Dispose();
        }

        var step = await _runner.StepAsync(work.ExecutionArn, ToStimulus(work, outcome), item.Lease, 0, Claim(held: 1), _hard.Token).ConfigureAwait(false);
        return AfterStep(work.ExecutionArn, step, holdsSlot: true);
    }

    /// <summary>The stimulus a task's outcome applies to its execution.</summary>
    private Stimulus ToStimulus(TaskWork work, TaskOutcome outcome)
    {
        var command = work.Command;
        return outcome switch
        {
            { IsFailure: true } => new TaskFailedStimulus(command.TaskId, outcome.Error!, outcome.Cause),
            // The call went out (an integration says so, or an in-process handler served a .waitForTaskToken resource):
            // the task now waits, durably, for SendTaskSuccess/Failure with its token (indexed when it was scheduled).
            // A mocked response is the task's result, as in Step Functions Local.
            { IsSubmitted: true } => new TaskSubmittedStimulus(command.TaskId, outcome.Output!),
            _ when command.TaskToken is not null && !IsMocked(work) => new TaskSubmittedStimulus(command.TaskId, outcome.Output!),
            _ => new TaskSucceededStimulus(command.TaskId, outcome.Output!),
        };
    }

    /// <summary>
    /// The invocation of a task whose idempotency key hashes to <paramref name="keyHash"/>: its request id derives from
    /// the key, so a redelivery carries the same one.
    /// </summary>
    private TaskInvocation Invocation(TaskWork work, ulong keyHash, bool reportsSubmitted = true)
    {
        var command = work.Command;
        // The mock attempt is read from the context only for a test case, the one use the dispatcher makes of it.
        return new TaskInvocation(command.Resource, command.Input, command.TaskToken, command.Context,
            work.StateMachineName, command.StateName, work.MockTestCase, work.MockTestCase is null ? 0 : MockAttempt(command.Context),
            _options.Region, _options.AccountId, RandomIds.NewUuid(keyHash), _time.GetUtcNow())
        {
            Submitted = reportsSubmitted && command.TaskToken is null ? SubmittedCallback(work) : null,
        };
    }

    /// <summary>
    /// The <see cref="TaskInvocation.Submitted"/> callback of <paramref name="work"/>. A method of its own, so that only
    /// a call that reports its start allocates the closure: an inline call (once per task) never does.
    /// </summary>
    private Func<JsonValue, CancellationToken, ValueTask> SubmittedCallback(TaskWork work) =>
        (output, ct) => ReportSubmittedAsync(work.ExecutionArn, work.Command.TaskId, output, ct);

    /// <summary>Runs the task with <paramref name="own"/>, the engine's handler of its resource, or else the host's handlers.</summary>
    private ValueTask<TaskOutcome> InvokeAsync(TaskWork work, Func<TaskWork, CancellationToken, ValueTask<TaskOutcome>>? own,
        TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ValueTask<TaskOutcome> call;
        try
        {
            call = own is null ? _tasks.InvokeAsync(invocation, cancellationToken) : own(work, cancellationToken);
        }
#pragma warning disable CA1031 // Thrown at once, it is converted as if the call had failed later (OutcomeAsync).
        catch (Exception e)
#pragma warning restore CA1031
        {
            call = ValueTask.FromException<TaskOutcome>(e);
        }

        // A call that answered at once, as every call applied in its own step does, is handed on without a state
        // machine of its own.
        return call.IsCompletedSuccessfully ? call : OutcomeAsync(call, cancellationToken);
    }

    /// <summary>The outcome of a task call, its failure (anything but its cancellation) converted to a failed task.</summary>
    private static async ValueTask<TaskOutcome> OutcomeAsync(ValueTask<TaskOutcome> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The dispatcher converts handler failures; anything else still fails only this task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return TaskOutcome.Failure(e.GetType().Name, e.Message);
        }
    }

    /// <summary>The engine's own handler of the task's resource, unless the mock configuration answers the task.</summary>
    private Func<TaskWork, CancellationToken, ValueTask<TaskOutcome>>? EngineTask(TaskWork work) =>
        _engineTasks.TryGetValue(work.Command.Resource, out var own) && !IsMocked(work) ? own : null;

    /// <summary>A .sync job started: its TaskSubmitted is committed while the task goes on polling in its slot.</summary>
    private async ValueTask ReportSubmittedAsync(string executionArn, long taskId, JsonValue output, CancellationToken cancellationToken)
    {
        var step = await _runner.StepAsync(executionArn, new TaskSubmittedStimulus(taskId, output), null, 0, null, cancellationToken).ConfigureAwait(false);
        AfterStep(executionArn, step);
    }

    /// <summary>Whether the mock configuration answers the task (then its response is the result, even for .waitForTaskToken).</summary>
    private bool IsMocked(TaskWork work) =>
        _tasks.Mocks is { } mocks && work.MockTestCase is not null
        && mocks.TryGetResponse(work.StateMachineName, work.MockTestCase, work.Command.StateName, MockAttempt(work.Command.Context), out _);

    /// <summary>
    /// The mock file's repetition index: the in-memory loop counts invocations of the state; here the state's retry
    /// count stands in for it, as it survives a restart (they differ only for a state entered twice by a loop).
    /// </summary>
    private static int MockAttempt(JsonValue context) =>
        context is JsonObject obj && obj["State"] is JsonObject state && state["RetryCount"] is JsonNumber n && n.TryGetInt32(out int count) ? count : 0;

    /// <summary>Keeps the lease of a long task; cancels the task when the lease is lost (another delivery owns it).</summary>
    private async Task RenewWhileRunningAsync(WorkLease lease, CancellationTokenSource task, CancellationToken cancellationToken)
    {
        var period = _options.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, _time, cancellationToken).ConfigureAwait(false);
                if (!await _store.Work.RenewAsync(lease, _time.GetUtcNow(), _options.LeaseDuration, cancellationToken).ConfigureAwait(false))
                {
                    await task.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // A failed renewal is retried next period; the lease may still hold.
        catch (Exception e)
#pragma warning restore CA1031
        {
            OnError?.Invoke(e);
        }
    }
}
