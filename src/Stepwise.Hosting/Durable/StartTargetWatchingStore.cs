using Stepwise.Storage;
using Stepwise.Storage.Activities;
using Stepwise.Storage.Executions;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.StateMachines;
using Stepwise.Storage.Tags;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The store as the engine and its callers (the API) use it: every port is the provider's own, except that writes of
/// state machines, versions and aliases also empty the engine's <see cref="StartTargetCache"/>, so a start after such
/// a write sees it.
/// </summary>
internal sealed class StartTargetWatchingStore(IStepwiseStore inner, StartTargetCache starts) : IStepwiseStore
{
    /// <summary>The provider's store this one watches writes to.</summary>
    public IStepwiseStore Inner => inner;

    /// <summary>The provider's store under <paramref name="store"/>: itself, unless it is an engine's watching store.</summary>
    public static IStepwiseStore Unwrap(IStepwiseStore store) => store is StartTargetWatchingStore watching ? watching.Inner : store;

    public IStateMachineStore StateMachines { get; } = new WatchedStateMachineStore(inner.StateMachines, starts);

    public IStateMachineAliasStore Aliases { get; } = new WatchedAliasStore(inner.Aliases, starts);

    public IExecutionStore Executions => inner.Executions;

    public IWorkQueue Work => inner.Work;

    public ITimerStore Timers => inner.Timers;

    public ITaskTokenIndex TaskTokens => inner.TaskTokens;

    public IActivityStore Activities => inner.Activities;

    public ITagStore Tags => inner.Tags;

    public IMapRunStore MapRuns => inner.MapRuns;

    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
