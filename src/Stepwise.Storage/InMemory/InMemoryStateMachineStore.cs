using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryStateMachineStore(InMemoryStore store) : IStateMachineStore
{
    public ValueTask CreateAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        store.Write(stateMachine, static (state, machine) =>
        {
            if (state.StateMachines.ContainsKey(machine.StateMachineArn))
            {
                throw new ResourceAlreadyExistsException(ResourceKinds.StateMachine, machine.StateMachineArn);
            }

            var sequence = state.Sequence + 1;
            return (state with
            {
                Sequence = sequence,
                StateMachines = state.StateMachines.Add(machine.StateMachineArn, new(sequence, machine)),
            }, 0);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<StateMachineRecord?> GetAsync(string stateMachineArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.State.StateMachines.TryGetValue(stateMachineArn, out var entry) ? entry.Value : null);
    }

    public ValueTask<Page<StateMachineRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var after = PageTokens.Parse(page.NextToken) ?? long.MinValue;
        var matches = new List<InMemoryState.Sequenced<StateMachineRecord>>();
        foreach (var entry in store.State.StateMachines.Values)
        {
            if (entry.Sequence > after)
            {
                matches.Add(entry);
            }
        }

        matches.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return ValueTask.FromResult(InMemoryPaging.Take(matches, page.MaxResults, static e => e.Value, static e => e.Sequence));
    }

    public ValueTask UpdateAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        store.Write(stateMachine, static (state, machine) =>
        {
            if (!state.StateMachines.TryGetValue(machine.StateMachineArn, out var entry))
            {
                throw new ResourceNotFoundException(ResourceKinds.StateMachine, machine.StateMachineArn);
            }

            return (state with { StateMachines = state.StateMachines.SetItem(machine.StateMachineArn, entry with { Value = machine }) }, 0);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(string stateMachineArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write(stateMachineArn, static (state, arn) =>
        {
            if (!state.StateMachines.ContainsKey(arn))
            {
                return (state, false);
            }

            var versions = state.Versions;
            foreach (var version in state.Versions.Values)
            {
                if (string.Equals(version.StateMachineArn, arn, StringComparison.Ordinal))
                {
                    versions = versions.Remove(version.StateMachineVersionArn);
                }
            }

            var aliases = state.Aliases;
            foreach (var alias in state.Aliases.Values)
            {
                if (string.Equals(alias.Value.StateMachineArn, arn, StringComparison.Ordinal))
                {
                    aliases = aliases.Remove(alias.Value.StateMachineAliasArn);
                }
            }

            return (state with { StateMachines = state.StateMachines.Remove(arn), Versions = versions, Aliases = aliases }, true);
        }));
    }

    public ValueTask<StateMachineVersionRecord> PublishVersionAsync(string stateMachineArn, string? description, DateTimeOffset creationDate,
        CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write((stateMachineArn, description, creationDate), static (state, request) =>
        {
            if (!state.StateMachines.TryGetValue(request.stateMachineArn, out var entry))
            {
                throw new ResourceNotFoundException(ResourceKinds.StateMachine, request.stateMachineArn);
            }

            var machine = entry.Value;
            var last = state.LastVersions.GetValueOrDefault(request.stateMachineArn);
            if (last > 0 && state.Versions.TryGetValue(StateMachineVersionRecord.ArnOf(machine.StateMachineArn, last), out var newest)
                && string.Equals(newest.RevisionId, machine.RevisionId, StringComparison.Ordinal))
            {
                return (state, newest);
            }

            var version = StateMachineVersionRecord.Publish(machine, last + 1, request.creationDate, request.description);
            return (state with
            {
                Versions = state.Versions.Add(version.StateMachineVersionArn, version),
                LastVersions = state.LastVersions.SetItem(machine.StateMachineArn, version.Version),
            }, version);
        }));
    }

    public ValueTask<StateMachineVersionRecord?> GetVersionAsync(string stateMachineVersionArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.State.Versions.TryGetValue(stateMachineVersionArn, out var version) ? version : null);
    }

    public ValueTask<Page<StateMachineVersionRecord>> ListVersionsAsync(string stateMachineArn, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        var before = PageTokens.Parse(page.NextToken) ?? long.MaxValue;
        var matches = new List<StateMachineVersionRecord>();
        foreach (var version in store.State.Versions.Values)
        {
            if (version.Version < before && string.Equals(version.StateMachineArn, stateMachineArn, StringComparison.Ordinal))
            {
                matches.Add(version);
            }
        }

        matches.Sort(static (a, b) => b.Version.CompareTo(a.Version));
        return ValueTask.FromResult(InMemoryPaging.Take(matches, page.MaxResults, static v => v, static v => v.Version));
    }

    public ValueTask<bool> DeleteVersionAsync(string stateMachineVersionArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Write(stateMachineVersionArn, static (state, arn) =>
            state.Versions.ContainsKey(arn) ? (state with { Versions = state.Versions.Remove(arn) }, true) : (state, false)));
    }

}
