using Stepwise.Storage;
using Stepwise.Storage.Activities;
using Stepwise.Storage.Executions;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;
using Stepwise.Storage.Tags;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Tests.TestSupport;

/// <summary>
/// An in-memory store that counts snapshot reads, execution record reads and step commits, to show what a step or a
/// wait costs, and can make each commit
/// take real time, as a loaded machine's disk does.
/// </summary>
internal sealed class CountingStore : IStepwiseStore, IExecutionStore
{
    private readonly InMemoryStore _inner = new();
    private int _snapshotReads;
    private int _recordReads;
    private int _commits;

    public int SnapshotReads => Volatile.Read(ref _snapshotReads);

    public int RecordReads => Volatile.Read(ref _recordReads);

    /// <summary>Commits of steps after the first (the first is <see cref="CreateAsync"/>).</summary>
    public int Commits => Volatile.Read(ref _commits);

    /// <summary>Real time each step commit takes (none by default).</summary>
    public TimeSpan CommitDelay { get; init; }

    public IStateMachineStore StateMachines => _inner.StateMachines;

    public IStateMachineAliasStore Aliases => _inner.Aliases;

    public IExecutionStore Executions => this;

    public IWorkQueue Work => _inner.Work;

    public ITimerStore Timers => _inner.Timers;

    public ITaskTokenIndex TaskTokens => _inner.TaskTokens;

    public IActivityStore Activities => _inner.Activities;

    public ITagStore Tags => _inner.Tags;

    public IMapRunStore MapRuns => _inner.MapRuns;

    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => _inner.InitializeAsync(cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    public ValueTask<StepCommitResult> CreateAsync(ExecutionRecord execution, StepCommit firstStep, CancellationToken cancellationToken = default) =>
        _inner.Executions.CreateAsync(execution, firstStep, cancellationToken);

    /// <summary>Awaited before the next read of an execution record only, then cleared (none by default).</summary>
    public Func<Task>? BeforeNextRecordRead
    {
        get => Volatile.Read(ref _beforeNextRecordRead);
        set => Volatile.Write(ref _beforeNextRecordRead, value);
    }

    public ValueTask<ExecutionRecord?> GetAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _recordReads);
        return Interlocked.Exchange(ref _beforeNextRecordRead, null) is { } before
            ? ReadAfterAsync(before, executionArn, cancellationToken)
            : _inner.Executions.GetAsync(executionArn, cancellationToken);
    }

    private Func<Task>? _beforeNextRecordRead;

    private async ValueTask<ExecutionRecord?> ReadAfterAsync(Func<Task> before, string executionArn, CancellationToken cancellationToken)
    {
        await before();
        return await _inner.Executions.GetAsync(executionArn, cancellationToken);
    }

    public ValueTask<StoredSnapshot?> GetSnapshotAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _snapshotReads);
        return _inner.Executions.GetSnapshotAsync(executionArn, cancellationToken);
    }

    public ValueTask<Page<ExecutionRecord>> ListAsync(string stateMachineArn, string? statusFilter, bool? redriven, PageRequest page,
        CancellationToken cancellationToken = default) => _inner.Executions.ListAsync(stateMachineArn, statusFilter, redriven, page, cancellationToken);

    public ValueTask<Page<ExecutionRecord>> ListByMapRunAsync(string mapRunArn, string? statusFilter, bool? redriven, PageRequest page,
        CancellationToken cancellationToken = default) => _inner.Executions.ListByMapRunAsync(mapRunArn, statusFilter, redriven, page, cancellationToken);

    public ValueTask<Page<StoredEvent>> GetHistoryAsync(string executionArn, bool reverseOrder, PageRequest page,
        CancellationToken cancellationToken = default) => _inner.Executions.GetHistoryAsync(executionArn, reverseOrder, page, cancellationToken);

    public async ValueTask<StepCommitResult> CommitAsync(StepCommit commit, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        if (CommitDelay > TimeSpan.Zero)
        {
            await Task.Delay(CommitDelay, cancellationToken);
        }

        return await _inner.Executions.CommitAsync(commit, cancellationToken);
    }
}
