using System.Collections.Concurrent;
using Stepwise.Definition.Model;
using Stepwise.Definition.Reading;
using Stepwise.Storage;
using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// Parse once, run many: compiled definitions per state machine revision. An execution keeps running the revision it
/// started with: when the state machine was updated since, the revision is looked up among its published versions.
/// </summary>
internal sealed class DefinitionCache(IStateMachineStore store)
{
    private readonly ConcurrentDictionary<(string Arn, string RevisionId), StateMachine> _compiled = new();

    public static StateMachine Compile(string definitionText) => StateMachine.FromJson(DefinitionReader.Read(definitionText));

    public void Add(string stateMachineArn, string revisionId, StateMachine machine) => _compiled.TryAdd((stateMachineArn, revisionId), machine);

    /// <summary>
    /// The revision <paramref name="revisionId"/> of <paramref name="stateMachineArn"/>, compiled from
    /// <paramref name="definitionText"/> (that revision's own text, as a start resolved it) unless it is compiled already;
    /// reads nothing from the store.
    /// </summary>
    /// <exception cref="FormatException">The definition cannot be read.</exception>
    public StateMachine GetOrCompile(string stateMachineArn, string revisionId, string definitionText)
    {
        var key = (stateMachineArn, revisionId);
        return _compiled.TryGetValue(key, out var machine) ? machine : _compiled.GetOrAdd(key, Compile(definitionText));
    }

    /// <summary>
    /// The definition an execution runs: the one its header carries (a Map Run child's ItemProcessor, compiled once per
    /// text), or else its state machine's revision.
    /// </summary>
    public ValueTask<StateMachine> GetAsync(ExecutionHeader header, CancellationToken cancellationToken)
    {
        if (header.Definition is not { } own)
        {
            return GetAsync(header.StateMachineArn, header.RevisionId, cancellationToken);
        }

        var key = (header.StateMachineArn, header.RevisionId);
        return ValueTask.FromResult(_compiled.TryGetValue(key, out var machine) ? machine : _compiled.GetOrAdd(key, Compile(own)));
    }

    /// <summary>The revision id of a definition no state machine stores (a Map Run child's): derived from its text.</summary>
    public static string RevisionOf(string definitionText) =>
        "definition-" + StableHash.Of(definitionText).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask<StateMachine> GetAsync(string stateMachineArn, string revisionId, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue((stateMachineArn, revisionId), out var machine))
        {
            return machine;
        }

        var current = await store.GetAsync(stateMachineArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ResourceNotFoundException(ResourceKinds.StateMachine, stateMachineArn);
        if (string.Equals(current.RevisionId, revisionId, StringComparison.Ordinal))
        {
            return GetOrCompile(stateMachineArn, revisionId, current.Definition);
        }

        if (await FindRevisionAsync(stateMachineArn, revisionId, cancellationToken).ConfigureAwait(false) is { } published)
        {
            return GetOrCompile(stateMachineArn, revisionId, published);
        }

        // Not cached: it is not that revision's text, and the revision may yet be handed over by a start (GetOrCompile).
        return Compile(current.Definition);
    }

    /// <summary>
    /// Whether the definition of <paramref name="revisionId"/> is still stored, as the state machine's current one or a
    /// published version's (a redrive must run the definition the execution ran, never a newer one).
    /// </summary>
    public async ValueTask<bool> HasRevisionAsync(string stateMachineArn, string revisionId, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(stateMachineArn, cancellationToken).ConfigureAwait(false);
        return current is not null
            && (string.Equals(current.RevisionId, revisionId, StringComparison.Ordinal)
                || await FindRevisionAsync(stateMachineArn, revisionId, cancellationToken).ConfigureAwait(false) is not null);
    }

    private async ValueTask<string?> FindRevisionAsync(string stateMachineArn, string revisionId, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await store.ListVersionsAsync(stateMachineArn, new PageRequest(100, token), cancellationToken).ConfigureAwait(false);
            foreach (var version in page.Items)
            {
                if (string.Equals(version.RevisionId, revisionId, StringComparison.Ordinal))
                {
                    return version.Definition;
                }
            }

            token = page.NextToken;
        }
        while (token is not null);

        // The revision was replaced without being published: the newest definition is all that is left.
        return null;
    }
}
