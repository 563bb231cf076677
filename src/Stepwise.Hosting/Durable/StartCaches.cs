using System.Runtime.CompilerServices;
using Stepwise.Storage;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// What the engines over one store keep of their starts: the resolved start targets and the records of executions their
/// starts ended. Shared per store object, so that engines in one process over the same store see each other's writes and
/// redrives at once, as one engine sees its own; only another process's stay unseen, for at most a second.
/// </summary>
internal sealed class StartCaches
{
    private static readonly ConditionalWeakTable<IStepwiseStore, StartCaches> s_byStore = new();

    /// <summary>
    /// The caches of the engines over <paramref name="store"/>, made by the first. An engine's own
    /// <see cref="DurableEngine.Store"/> counts as the provider's store it wraps, so an engine built over another's store
    /// shares its caches.
    /// </summary>
    public static StartCaches Of(IStepwiseStore store) => s_byStore.GetValue(StartTargetWatchingStore.Unwrap(store), static _ => new StartCaches());

    /// <summary>What start ARNs resolved to.</summary>
    public StartTargetCache Targets { get; } = new();

    /// <summary>Records of executions their starts ended.</summary>
    public EndedExecutions Ended { get; } = new();
}
