using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryStateMachineAliasStore(InMemoryStore store) : IStateMachineAliasStore
{
    public ValueTask CreateAsync(StateMachineAliasRecord alias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        store.Write(Freeze(alias), static (state, alias) =>
        {
            if (state.Aliases.ContainsKey(alias.StateMachineAliasArn))
            {
                throw new ResourceAlreadyExistsException(ResourceKinds.StateMachineAlias, alias.StateMachineAliasArn);
            }

            var sequence = state.Sequence + 1;
            return (state with { Sequence = sequence, Aliases = state.Aliases.Add(alias.StateMachineAliasArn, new(sequence, alias)) }, 0);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<StateMachineAliasRecord?> GetAsync(string stateMachineAliasArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.State.Aliases.TryGetValue(stateMachineAliasArn, out var entry) ? entry.Value : null);
    }

    public ValueTask<Page<StateMachineAliasRecord>> ListAsync(string stateMachineArn, PageRequest page, CancellationToken cancellationToken = default)
    {
        var after = PageTokens.Parse(page.NextToken) ?? long.MinValue;
        var matches = new List<InMemoryState.Sequenced<StateMachineAliasRecord>>();
        foreach (var entry in store.State.Aliases.Values)
        {
            if (entry.Sequence > after && string.Equals(entry.Value.StateMachineArn, stateMachineArn, StringComparison.Ordinal))
            {
                matches.Add(entry);
            }
        }

        matches.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return ValueTask.FromResult(InMemoryPaging.Take(matches, page.MaxResults, static e => e.Value, static e => e.Sequence));
    }

    public ValueTask UpdateAsync(StateMachineAliasRecord alias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        store.Write(Freeze(alias), static (state, alias) =>
        {
            if (!state.Aliases.TryGetValue(alias.StateMachineAliasArn, out var entry))
            {
                throw new ResourceNotFoundException(ResourceKinds.StateMachineAlias, alias.StateMachineAliasArn);
            }

            return (state with { Aliases = state.Aliases.SetItem(alias.StateMachineAliasArn, entry with { Value = alias }) }, 0);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(string stateMachineAliasArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write(stateMachineAliasArn, static (state, arn) =>
            state.Aliases.ContainsKey(arn) ? (state with { Aliases = state.Aliases.Remove(arn) }, true) : (state, false)));
    }

    /// <summary>Copies the routes so a caller mutating its list afterwards cannot change what is stored.</summary>
    private static StateMachineAliasRecord Freeze(StateMachineAliasRecord alias) => alias with { RoutingConfiguration = [.. alias.RoutingConfiguration] };
}
