using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.Paging;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryMapRunStore(InMemoryStore store) : IMapRunStore
{
    public ValueTask CreateAsync(MapRunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        store.Write(run, static (state, run) =>
        {
            if (state.MapRuns.ContainsKey(run.MapRunArn))
            {
                throw new ResourceAlreadyExistsException(ResourceKinds.MapRun, run.MapRunArn);
            }

            var sequence = state.Sequence + 1;
            return (state with
            {
                Sequence = sequence,
                MapRuns = state.MapRuns.Add(run.MapRunArn, new InMemoryState.Sequenced<MapRunRecord>(sequence, run)),
            }, 0);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<MapRunRecord?> GetAsync(string mapRunArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        return ValueTask.FromResult(store.State.MapRuns.TryGetValue(mapRunArn, out var entry) ? entry.Value : null);
    }

    public ValueTask<Page<MapRunRecord>> ListAsync(string executionArn, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        var after = PageTokens.Parse(page.NextToken) ?? 0;
        var matches = new List<InMemoryState.Sequenced<MapRunRecord>>();
        foreach (var entry in store.State.MapRuns.Values)
        {
            if (entry.Sequence > after && string.Equals(entry.Value.ExecutionArn, executionArn, StringComparison.Ordinal))
            {
                matches.Add(entry);
            }
        }

        matches.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return ValueTask.FromResult(InMemoryPaging.Take(matches, page.MaxResults, static e => e.Value, static e => e.Sequence));
    }

    public ValueTask UpdateAsync(MapRunRecord run, IReadOnlyList<MapRunChildResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(results);
        store.Write((run, results), static (state, request) =>
        {
            var (run, results) = request;
            if (!state.MapRuns.TryGetValue(run.MapRunArn, out var entry))
            {
                throw new ResourceNotFoundException(ResourceKinds.MapRun, run.MapRunArn);
            }

            var stored = state.MapRunResults.TryGetValue(run.MapRunArn, out var existing)
                ? existing
                : ImmutableSortedDictionary<long, MapRunChildResult>.Empty;
            if (results.Count > 0)
            {
                var builder = stored.ToBuilder();
                foreach (var result in results)
                {
                    builder[result.Index] = result;
                }

                stored = builder.ToImmutable();
            }

            return (state with
            {
                MapRuns = state.MapRuns.SetItem(run.MapRunArn, entry with { Value = run }),
                MapRunResults = state.MapRunResults.SetItem(run.MapRunArn, stored),
            }, 0);
        });
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<MapRunChildResult> ReadResultsAsync(string mapRunArn,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        // The state is immutable: enumerating the value read now is a consistent snapshot, however writes go on.
        if (!store.State.MapRunResults.TryGetValue(mapRunArn, out var results))
        {
            yield break;
        }

        foreach (var result in results.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return result;
        }
    }
}
