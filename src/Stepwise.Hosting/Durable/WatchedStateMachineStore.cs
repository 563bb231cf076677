using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Durable;

/// <summary>State machines and versions whose every write empties the engine's <see cref="StartTargetCache"/> (see <see cref="StartTargetWatchingStore"/>).</summary>
internal sealed class WatchedStateMachineStore(IStateMachineStore inner, StartTargetCache starts) : IStateMachineStore
{
    public ValueTask CreateAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken = default) =>
        starts.AfterAsync(inner.CreateAsync(stateMachine, cancellationToken));

    public ValueTask<StateMachineRecord?> GetAsync(string stateMachineArn, CancellationToken cancellationToken = default) =>
        inner.GetAsync(stateMachineArn, cancellationToken);

    public ValueTask<Page<StateMachineRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        inner.ListAsync(page, cancellationToken);

    public ValueTask UpdateAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken = default) =>
        starts.AfterAsync(inner.UpdateAsync(stateMachine, cancellationToken));

    public ValueTask<bool> DeleteAsync(string stateMachineArn, CancellationToken cancellationToken = default) =>
        starts.AfterAsync(inner.DeleteAsync(stateMachineArn, cancellationToken));

    public ValueTask<StateMachineVersionRecord> PublishVersionAsync(string stateMachineArn, string? description, DateTimeOffset creationDate,
        CancellationToken cancellationToken = default) =>
        starts.AfterAsync(inner.PublishVersionAsync(stateMachineArn, description, creationDate, cancellationToken));

    public ValueTask<StateMachineVersionRecord?> GetVersionAsync(string stateMachineVersionArn, CancellationToken cancellationToken = default) =>
        inner.GetVersionAsync(stateMachineVersionArn, cancellationToken);

    public ValueTask<Page<StateMachineVersionRecord>> ListVersionsAsync(string stateMachineArn, PageRequest page,
        CancellationToken cancellationToken = default) =>
        inner.ListVersionsAsync(stateMachineArn, page, cancellationToken);

    public ValueTask<bool> DeleteVersionAsync(string stateMachineVersionArn, CancellationToken cancellationToken = default) =>
        starts.AfterAsync(inner.DeleteVersionAsync(stateMachineVersionArn, cancellationToken));
}
