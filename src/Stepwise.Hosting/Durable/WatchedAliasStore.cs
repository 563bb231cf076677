using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Durable;

/// <summary>Aliases whose every write empties the engine's <see cref="StartTargetCache"/> (see <see cref="StartTargetWatchingStore"/>).</summary>
internal sealed class WatchedAliasStore(IStateMachineAliasStore inner, StartTargetCache starts) : IStateMachineAliasStore
{
    public ValueTask CreateAsync(StateMachineAliasRecord alias, CancellationToken cancellationToken = default) =>
        starts.AfterAsync(inner.CreateAsync(alias, cancellationToken));

    public ValueTask<StateMachineAliasRecord?> GetAsync(string stateMachineAliasArn, CancellationToken cancellationToken = default) =>
        inner.GetAsync(stateMachineAliasArn, cancellationToken);

    public ValueTask<Page<StateMachineAliasRecord>> ListAsync(string stateMachineArn, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.ListAsync(stateMachineArn, page, cancellationToken);

    public ValueTask UpdateAsync(StateMachineAliasRecord alias, CancellationToken cancellationToken = default) =>
        starts.AfterAsync(inner.UpdateAsync(alias, cancellationToken));

    public ValueTask<bool> DeleteAsync(string stateMachineAliasArn, CancellationToken cancellationToken = default) =>
        starts.AfterAsync(inner.DeleteAsync(stateMachineAliasArn, cancellationToken));
}
