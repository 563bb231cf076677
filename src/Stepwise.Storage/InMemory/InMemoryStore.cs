using Stepwise.Storage.Activities;
using Stepwise.Storage.Executions;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.StateMachines;
using Stepwise.Storage.Tags;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Storage.InMemory;

/// <summary>
/// A store that keeps everything in process memory: for tests, <c>stepwise run</c> and embedding. Same contract as the
/// durable providers; nothing survives the process.
/// </summary>
public sealed class InMemoryStore : IStepwiseStore
{
    private readonly Lock _gate = new();
    private InMemoryState _state = InMemoryState.Empty;

    /// <summary>Creates an empty store.</summary>
    public InMemoryStore()
    {
        StateMachines = new InMemoryStateMachineStore(this);
        Aliases = new InMemoryStateMachineAliasStore(this);
        Executions = new InMemoryExecutionStore(this);
        Work = new InMemoryWorkQueue(this);
        Timers = new InMemoryTimerStore(this);
        TaskTokens = new InMemoryTaskTokenIndex(this);
        Activities = new InMemoryActivityStore(this);
        Tags = new InMemoryTagStore(this);
        MapRuns = new InMemoryMapRunStore(this);
    }

    /// <inheritdoc/>
    public IStateMachineStore StateMachines { get; }

    /// <inheritdoc/>
    public IStateMachineAliasStore Aliases { get; }

    /// <inheritdoc/>
    public IExecutionStore Executions { get; }

    /// <inheritdoc/>
    public IWorkQueue Work { get; }

    /// <inheritdoc/>
    public ITimerStore Timers { get; }

    /// <inheritdoc/>
    public ITaskTokenIndex TaskTokens { get; }

    /// <inheritdoc/>
    public IActivityStore Activities { get; }

    /// <inheritdoc/>
    public ITagStore Tags { get; }

    /// <inheritdoc/>
    public IMapRunStore MapRuns { get; }

    /// <summary>Test hook called at each <see cref="CommitStages"/> point of a step commit; it may throw to inject a fault.</summary>
    internal Action<string>? CommitStageHook { get; set; }

    /// <summary>The current state; readers see a consistent value without locking.</summary>
    internal InMemoryState State => Volatile.Read(ref _state);

    /// <inheritdoc/>
    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Runs one write: <paramref name="write"/> computes the next state and a result from the current one; the state
    /// is published only if it returns. Writes are serialized, as a database's writer is.
    /// </summary>
    internal TResult Write<TArg, TResult>(TArg argument, Func<InMemoryState, TArg, (InMemoryState State, TResult Result)> write)
    {
        lock (_gate)
        {
            var (next, result) = write(_state, argument);
            Volatile.Write(ref _state, next);
            return result;
        }
    }

    internal void OnCommitStage(string stage) => CommitStageHook?.Invoke(stage);
}
