using System.Collections.Concurrent;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The durable Stepwise engine: runs Standard executions of stored state machines through a store, one committed
/// step at a time, so they survive a crash and resume on restart (DESIGN.md §3–4). The facade the AWS API calls:
/// start, describe, stop, read history. Call <see cref="StartAsync"/> to begin dispatching (which also resumes every
/// execution the store holds) and <see cref="StopAsync"/> or <see cref="DisposeAsync"/> to shut down gracefully.
/// </summary>
public sealed partial class DurableEngine : IAsyncDisposable
{
    private readonly IStepwiseStore _store;
    private readonly DurableEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly TaskDispatcher _tasks;
    private readonly DefinitionCache _definitions;
    private readonly StepRunner _runner;
    private readonly DurableDispatcher _dispatcher;
    /// <summary>Per execution awaited, the end of it this engine commits (or no outcome: look in the store).</summary>
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StepOutcome>> _waiters = new(StringComparer.Ordinal);
    private readonly StartTargetCache _startTargets;
    private readonly EndedExecutions _ended;
    private int _started;

    /// <summary>Creates an engine over <paramref name="store"/>; <paramref name="options"/> default as documented on <see cref="DurableEngineOptions"/>.</summary>
    public DurableEngine(IStepwiseStore store, DurableEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _options = options ?? new DurableEngineOptions();
        _time = _options.Time ?? TimeProvider.System;
        // Built over another engine's Store, it shares that engine's caches and wraps the provider's store once.
        store = StartTargetWatchingStore.Unwrap(store);
        var caches = StartCaches.Of(store);
        _startTargets = caches.Targets;
        _ended = caches.Ended;
        // Everything, the engine's own paths included, writes state machines through the watching store, so no write
        // through an engine can leave a start target cached.
        store = new StartTargetWatchingStore(store, _startTargets);
        _store = store;
        _tasks = new TaskDispatcher(_options.Mocks, _options.Integrations, _time);
        _definitions = new DefinitionCache(store.StateMachines);
        // A cached snapshot belongs to a task running in a dispatcher slot, so there are never more than the slots.
        _runner = new StepRunner(store, _definitions, new ExecutionLocks(), _time, _options.MaxPayloadBytes,
            new SnapshotCache(Math.Max(1, _options.MaxConcurrency)), _options.Integrations?.WaitTimeScale ?? 1);
        _dispatcher = new DurableDispatcher(store, _runner, _tasks, _options, _time, OnCompleted);
        RegisterMapRunChildren();
        _dispatcher.ActivityTasksQueued = WakeActivityWorkers;
        RegisterNestedExecutions();
        RegisterMapRuns();
    }

    /// <summary>
    /// The store the engine runs on. Write state machines, versions and aliases through this one (not the provider
    /// given to the constructor): the next start through any engine over the same provider then sees the write at once,
    /// where a write none of them saw (another process's) is seen within a second (docs/durable.md, "Starts read no
    /// state machine").
    /// </summary>
    public IStepwiseStore Store => _store;

    /// <summary>Called with every unexpected error of a background step (the step is retried); for logging.</summary>
    public Action<Exception>? OnError
    {
        get => _dispatcher.OnError;
        set => _dispatcher.OnError = value;
    }

    /// <summary>Serves Task states whose <c>Resource</c> is exactly <paramref name="resourceArn"/>.</summary>
    public void RegisterTask(string resourceArn, TaskHandler handler) => _tasks.RegisterTask(resourceArn, handler);

    /// <summary>Serves the Lambda function <paramref name="functionName"/> (name, full or partial ARN).</summary>
    public void RegisterLambda(string functionName, TaskHandler handler) => _tasks.RegisterLambda(functionName, handler);

    /// <summary>
    /// Initializes the store and starts dispatching. Every execution the store holds as running resumes: its due timers
    /// fire (also those that came due while no process ran) and its unacknowledged task work is dispatched again once
    /// the lease of the process that held it has expired.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            await _dispatcher.StartAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops gracefully: no new work is leased; running steps finish or, after the shutdown timeout, are given back.</summary>
    public async Task StopAsync()
    {
        await StopMapRunsAsync().ConfigureAwait(false);
        await _dispatcher.StopAsync().ConfigureAwait(false);
    }

    /// <summary>Stops as a killed process would (nothing given back; leases expire). For recovery tests.</summary>
    internal async Task CrashAsync()
    {
        await StopMapRunsAsync().ConfigureAwait(false);
        await _dispatcher.CrashAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// True when no step is being done and every waiting loop still waits for its signal or timer (see
    /// <see cref="IdleTracker"/>): what tests on a manual clock wait for before they move it.
    /// </summary>
    internal bool IsIdle => _dispatcher.Idle.IsIdle();

    /// <summary>Stores a state machine (a convenience for hosts and tests; the API validates definitions first).</summary>
    /// <exception cref="FormatException">The definition cannot be read.</exception>
    public async Task<StateMachineRecord> CreateStateMachineAsync(string name, string definition, string type = StateMachineTypes.Standard,
        string? roleArn = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(definition);
        _ = DefinitionCache.Compile(definition);
        var record = new StateMachineRecord
        {
            StateMachineArn = StateMachineArnOf(name),
            Name = name,
            Type = type,
            Definition = definition,
            RoleArn = roleArn ?? $"arn:aws:iam::{_options.AccountId}:role/stepwise-execution",
            CreationDate = TruncateToMilliseconds(_time.GetUtcNow()),
            RevisionId = Guid.NewGuid().ToString("D"),
        };
        await _store.StateMachines.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>
    /// Starts a Standard execution of the stored state machine <paramref name="stateMachineArn"/> (or of the version or
    /// alias it names: see <see cref="ResolveStartAsync"/>): its first step
    /// (ExecutionStarted up to the first wait) is committed before this returns.
    /// </summary>
    /// <param name="stateMachineArn">The state machine.</param>
    /// <param name="input">The execution input.</param>
    /// <param name="name">The execution name; default a random UUID.</param>
    /// <param name="mockTestCase">A test case of the configured mock file, if any.</param>
    /// <param name="cancellationToken">Cancels the start (nothing is stored then).</param>
    /// <exception cref="ResourceNotFoundException">The state machine does not exist.</exception>
    /// <exception cref="ResourceAlreadyExistsException">An execution with that name exists.</exception>
    /// <exception cref="NotSupportedException">The state machine is an Express one (run it with <see cref="StepwiseEngine"/>) or uses JSONata.</exception>
    public Task<ExecutionRecord> StartExecutionAsync(string stateMachineArn, JsonValue input, string? name = null, string? mockTestCase = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateMachineArn);
        ArgumentNullException.ThrowIfNull(input);
        return StartStandardAsync(stateMachineArn, input, name, mockTestCase, null, cancellationToken);
    }

    /// <summary>Starts a Standard execution; a child of a nested <c>.sync</c> task names the <paramref name="parent"/> task its completion answers.</summary>
    private async Task<ExecutionRecord> StartStandardAsync(string stateMachineArn, JsonValue input, string? name, string? mockTestCase, ParentTask? parent,
        CancellationToken cancellationToken)
    {
        var target = await ResolveStartAsync(stateMachineArn, cancellationToken).ConfigureAwait(false);
        var stateMachine = target.StateMachine;
        if (string.Equals(stateMachine.Type, StateMachineTypes.Express, StringComparison.Ordinal))
        {
            throw new NotSupportedException("Express executions run in memory: use StepwiseEngine.RunAsync.");
        }

        // Compiled (or found compiled) from the text the target resolved, whose revision the header names: a revision
        // the store no longer holds as current (an update since the target was cached) still runs its own definition.
        _ = _definitions.GetOrCompile(stateMachine.StateMachineArn, stateMachine.RevisionId, stateMachine.Definition);
        int seed = _options.RandomSeed ?? Random.Shared.Next();
        var start = TruncateToMilliseconds(_time.GetUtcNow());
        string executionName = name ?? RandomIds.NewUuid(Random.Shared);
        string executionArn = $"arn:aws:states:{_options.Region}:{_options.AccountId}:execution:{stateMachine.Name}:{executionName}";
        var info = new ExecutionInfo(executionArn, executionName, stateMachine.StateMachineArn, stateMachine.Name, stateMachine.RoleArn,
            _options.Region, start, input, RedriveCount: 0);
        var record = new ExecutionRecord
        {
            ExecutionArn = executionArn,
            StateMachineArn = stateMachine.StateMachineArn,
            Name = executionName,
            StateMachineVersionArn = target.VersionArn,
            StateMachineAliasArn = target.AliasArn,
            Status = ExecutionStatuses.Running,
            StartDate = start,
            Input = input.ToJsonString(),
            RedriveStatus = ExecutionRedriveStatuses.NotRedrivable,
            RedriveStatusReason = ExecutionRedriveStatuses.RunningReason,
        };
        var header = new ExecutionHeader(stateMachine.StateMachineArn, stateMachine.RevisionId, seed, mockTestCase, Parent: parent);
        // Read before the commit: a redrive of a caller-named execution may forget, commit and end between the commit
        // and the add below, and the record this start made would then be stale.
        long forgets = _ended.Generation;
        var outcome = await _runner.CreateAsync(record, header, new ExecutionStartedStimulus(info), _dispatcher.Claim(held: 0), cancellationToken)
            .ConfigureAwait(false);
        if (outcome.EndedRecord(record) is { } ended)
        {
            // Ended within its first step: the store's row is the record the step's completion made of it.
            _ended.Add(ended, forgets, _time.GetUtcNow());
        }

        _dispatcher.AfterStep(executionArn, outcome);
        return record;
    }

    /// <summary>
    /// Runs an execution of the stored Express state machine <paramref name="stateMachineArn"/> to its end, in memory
    /// (<c>StartSyncExecution</c>): the same decisions as a Standard execution, but nothing is stored, so a crash loses
    /// it and the caller starts it again (at-least-once). An execution still running after
    /// <see cref="ExpressDurationLimit"/> ends TIMED_OUT, as AWS ends Express executions after five minutes.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">The state machine does not exist.</exception>
    /// <exception cref="NotSupportedException">The state machine is a Standard one, or uses JSONata.</exception>
    public async Task<ExecutionResult> StartSyncExecutionAsync(string stateMachineArn, JsonValue input, string? name = null,
        string? mockTestCase = null, CancellationToken cancellationToken = default)
    {
        var run = await PrepareExpressAsync(stateMachineArn, input, name, mockTestCase, cancellationToken).ConfigureAwait(false);
        return await run.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long an Express execution may run: five minutes, as AWS allows.</summary>
    public static TimeSpan ExpressDurationLimit { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The execution as <c>DescribeExecution</c> reports it (a redrivable execution whose 14-day redrive period is
    /// over reads NOT_REDRIVABLE); null if it does not exist.
    /// </summary>
    public async ValueTask<ExecutionRecord?> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var record = await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false);
        return record is not null && IsPastRedrivePeriod(record)
            ? record with { RedriveStatus = ExecutionRedriveStatuses.NotRedrivable, RedriveStatusReason = ExecutionRedriveStatuses.PeriodExceededReason }
            : record;
    }

    /// <summary>How long after it closed an execution can be redriven: 14 days, as on AWS.</summary>
    public static TimeSpan RedrivePeriod { get; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Redrives a FAILED, ABORTED or TIMED_OUT execution (<c>RedriveExecution</c>): the same execution ARN runs again
    /// with the definition it ran, from the states that did not succeed, each with the input it had. States that
    /// succeeded are not re-run; an inline Map re-runs only its failed and not-started iterations, a Parallel only its
    /// failed branches. The history continues with <c>ExecutionRedriven</c> and <c>$$.Execution.RedriveCount</c> is one
    /// higher. The first step is committed before this returns.
    /// </summary>
    /// <param name="executionArn">The execution.</param>
    /// <param name="clientToken">
    /// An idempotency token: a redrive repeated with the token of the execution's last redrive redrives nothing and
    /// returns the execution as it is. Null never matches.
    /// </param>
    /// <param name="cancellationToken">Cancels the request (nothing is stored then).</param>
    /// <returns>The execution after the redrive, RUNNING (or already closed again) with its <c>RedriveDate</c>.</returns>
    /// <exception cref="ResourceNotFoundException">The execution does not exist (AWS's ExecutionDoesNotExist).</exception>
    /// <exception cref="ExecutionNotRedrivableException">
    /// The execution is running or succeeded, closed more than 14 days ago, has 24,999 events or more, or its state
    /// machine (or the definition revision it ran) is gone.
    /// </exception>
    public async Task<ExecutionRecord> RedriveExecutionAsync(string executionArn, string? clientToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);

        // Before the redrive commits, so that no wait after it is handed the record of the run that ended.
        _ended.Forget(executionArn);
        var record = await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.Execution, executionArn);
        var stored = await _store.Executions.GetSnapshotAsync(executionArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.Execution, executionArn);
        var header = DurableSnapshot.Deserialize(stored.Json).Header;
        if (clientToken is not null && record.RedriveCount > 0 && string.Equals(header.RedriveClientToken, clientToken, StringComparison.Ordinal))
        {
            return record;
        }

        if (RedriveRefusal(record) is { } reason)
        {
            throw new ExecutionNotRedrivableException(executionArn, reason);
        }

        // A Map Run's child carries its definition in its header; any other execution needs its revision still stored.
        if (header.Definition is null && !await _definitions.HasRevisionAsync(header.StateMachineArn, header.RevisionId, cancellationToken).ConfigureAwait(false))
        {
            throw new ExecutionNotRedrivableException(executionArn,
                await _store.StateMachines.GetAsync(header.StateMachineArn, cancellationToken).ConfigureAwait(false) is null
                    ? ExecutionRedriveStatuses.StateMachineDeletingReason
                    : "The definition this execution ran is no longer stored: the state machine was updated without publishing it as a version");
        }

        var outcome = await _runner.StepAsync(executionArn, new RedriveRequestedStimulus(clientToken), null, 0, _dispatcher.Claim(held: 0),
            cancellationToken).ConfigureAwait(false);
        // And after it: a start that committed the execution after the forget above (and read the forget count after
        // it) may add its record only now; this forget drops it or keeps it from being added.
        _ended.Forget(executionArn);
        _dispatcher.AfterStep(executionArn, outcome);
        return (await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Why AWS would refuse to redrive <paramref name="record"/> (its redriveStatusReason); null when it may.</summary>
    private string? RedriveRefusal(ExecutionRecord record)
    {
        if (string.Equals(record.Status, ExecutionStatuses.Running, StringComparison.Ordinal))
        {
            return ExecutionRedriveStatuses.RunningReason;
        }

        if (string.Equals(record.Status, ExecutionStatuses.Succeeded, StringComparison.Ordinal))
        {
            return ExecutionRedriveStatuses.SucceededReason;
        }

        if (IsPastRedrivePeriod(record))
        {
            return ExecutionRedriveStatuses.PeriodExceededReason;
        }

        if (record.LastEventId >= StepPlan.MaxRedrivableEvents)
        {
            return ExecutionRedriveStatuses.HistoryLimitReason;
        }

        // A reason stored by the closing step (the history limit) stands; records from before redrive existed have none.
        return string.Equals(record.RedriveStatus, ExecutionRedriveStatuses.NotRedrivable, StringComparison.Ordinal)
            ? record.RedriveStatusReason
            : null;
    }

    private bool IsPastRedrivePeriod(ExecutionRecord record) =>
        record.StopDate is { } stopped
        && !string.Equals(record.RedriveStatus, ExecutionRedriveStatuses.NotRedrivable, StringComparison.Ordinal)
        && _time.GetUtcNow() > stopped + RedrivePeriod;

    /// <summary>
    /// Stops a running execution: it ends ABORTED with the aborted events AWS records for its running state, Map
    /// iterations and Parallel branches. Stopping a finished execution changes nothing. Returns the execution after.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">The execution does not exist.</exception>
    public async Task<ExecutionRecord> StopExecutionAsync(string executionArn, string? error = null, string? cause = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        if (await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false) is not { } existing)
        {
            throw new ResourceNotFoundException(ResourceKinds.Execution, executionArn);
        }

        if (string.Equals(existing.Status, ExecutionStatuses.Running, StringComparison.Ordinal))
        {
            var outcome = await _runner.StepAsync(executionArn, new StopRequestedStimulus(error, cause), null, 0, null, cancellationToken).ConfigureAwait(false);
            _dispatcher.AfterStep(executionArn, outcome);
        }

        return (await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// One page of the execution's history as <c>GetExecutionHistory</c> returns its <c>events</c>: oldest first or,
    /// with <paramref name="reverseOrder"/>, newest first; without <paramref name="includeExecutionData"/> the events
    /// carry no <c>input</c> or <c>output</c>.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">The execution does not exist.</exception>
    public async Task<Page<JsonObject>> GetExecutionHistoryAsync(string executionArn, PageRequest page, bool reverseOrder = false,
        bool includeExecutionData = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        if (await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ResourceNotFoundException(ResourceKinds.Execution, executionArn);
        }

        var stored = await _store.Executions.GetHistoryAsync(executionArn, reverseOrder, page, cancellationToken).ConfigureAwait(false);
        var events = new List<JsonObject>(stored.Items.Count);
        foreach (var e in stored.Items)
        {
            var json = JsonValue.Parse(e.Json).AsObject();
            events.Add(includeExecutionData ? json : HistoryProjection.WithoutExecutionData(json));
        }

        return new Page<JsonObject>(events, stored.NextToken);
    }

    /// <summary>
    /// Waits until the execution is no longer running and returns it. The record of an execution whose start (through
    /// an engine over the same store) ended it is handed over without reading the store, once, within a second; any
    /// other is read once when the wait begins, completed from the end this engine commits, or read again every
    /// <see cref="DurableEngineOptions.PollInterval"/> when another process may end it.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">The execution does not exist.</exception>
    public async Task<ExecutionRecord> WaitForExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        if (_ended.Take(executionArn, _time.GetUtcNow()) is { } ended)
        {
            return ended;
        }

        while (true)
        {
            var waiter = _waiters.GetOrAdd(executionArn, static _ => new TaskCompletionSource<StepOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
            var record = await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false)
                ?? throw new ResourceNotFoundException(ResourceKinds.Execution, executionArn);
            if (!string.Equals(record.Status, ExecutionStatuses.Running, StringComparison.Ordinal))
            {
                // Its completion may have come before the waiter was added, and then nothing takes the waiter out:
                // take it out here (and wake whoever else waits on it), or every wait on a finished execution would
                // leave one behind.
                if (_waiters.TryRemove(new KeyValuePair<string, TaskCompletionSource<StepOutcome>>(executionArn, waiter)))
                {
                    waiter.TrySetResult(default);
                }

                return record;
            }

            try
            {
                // Another process may finish it: look again after a poll interval even without a signal.
                var end = await waiter.Task.WaitAsync(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                // This engine committed the end of the run read above: only the end's fields and the last event id
                // changed since (a running execution is never redriven), so the store holds exactly this. The end of
                // another run (one that ended where this engine was not told, then was redriven) is not: read again.
                if (end.RedriveCount == record.RedriveCount && end.EndedRecord(record) is { } committed)
                {
                    return committed;
                }
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>How many executions <see cref="WaitForExecutionAsync"/> callers wait on; for tests.</summary>
    internal int WaiterCount => _waiters.Count;

    /// <summary>Stops gracefully (see <see cref="StopAsync"/>) and releases the engine; the store stays open (it is the caller's).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopMapRunsAsync().ConfigureAwait(false);
        await _dispatcher.DisposeAsync().ConfigureAwait(false);
    }

    private void OnCompleted(string executionArn, StepOutcome ended)
    {
        if (_waiters.TryRemove(executionArn, out var waiter))
        {
            waiter.TrySetResult(ended);
        }
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
