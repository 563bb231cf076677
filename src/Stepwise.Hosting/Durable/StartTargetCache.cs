using System.Collections.Concurrent;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// What the ARNs that starts name resolved to, so that a start reads no state machine, version or alias from the store
/// (DurableEngine.Starts); one per store, shared by the engines over it (<see cref="StartCaches"/>). Every write of a
/// state machine, version or alias through an engine (its <see cref="DurableEngine.Store"/>) empties it before the
/// write's call returns, so the very next start sees the write; a write by another process over the same database is
/// seen within <see cref="MaxAge"/>. That staleness is AWS's
/// own contract: "Executions started immediately after calling UpdateStateMachine may use the previous state machine
/// definition and roleArn" (UpdateStateMachine, AWS Step Functions API reference). ARNs that resolve to nothing are not
/// kept, so a state machine created anywhere starts at once.
/// </summary>
internal sealed class StartTargetCache
{
    /// <summary>How many ARNs are kept at most; adding one more starts over from empty.</summary>
    public const int MaxEntries = 1024;

    /// <summary>How long a resolution is trusted: writes by other processes over the same store are seen after this.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>How many ARNs are kept; for tests.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Counts the writes seen: read it before reading the store, and give it to <see cref="Add"/>, which then keeps
    /// nothing a write may have changed meanwhile.
    /// </summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>What <paramref name="arn"/> resolved to (a state machine or version target, or an alias), if it is still trusted at <paramref name="now"/>; one no longer trusted is dropped.</summary>
    public Entry? Find(string arn, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(arn, out var entry))
        {
            return null;
        }

        // A clock that went back is not trusted either.
        var age = now - entry.LoadedAt;
        if (age >= TimeSpan.Zero && age <= MaxAge)
        {
            return entry;
        }

        // Dropped, or it would keep its definition (up to 1 MB) alive until a write or the bound empties the cache; an
        // entry a later start added meanwhile stays.
        _entries.TryRemove(new KeyValuePair<string, Entry>(arn, entry));
        return null;
    }

    /// <summary>Keeps what <paramref name="arn"/> resolved to at <paramref name="now"/> when no write came since <paramref name="generation"/> was read.</summary>
    public void Add(string arn, StartTarget? target, StateMachineAliasRecord? alias, long generation, DateTimeOffset now)
    {
        if (Generation != generation)
        {
            return;
        }

        // Counting locks every bucket, but only a start that missed adds: starts of the same ARNs find them.
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new Entry(target, alias, now);
        _entries[arn] = entry;

        // A write may have emptied the cache between the check above and the add: then what was read may be stale.
        if (Generation != generation)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(arn, entry));
        }
    }

    /// <summary>Forgets every resolution: a state machine, version or alias was written.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>Awaits a write of a state machine, version or alias, then forgets every resolution (also when the write failed midway).</summary>
    public async ValueTask AfterAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        finally
        {
            Invalidate();
        }
    }

    /// <inheritdoc cref="AfterAsync(ValueTask)"/>
    public async ValueTask<T> AfterAsync<T>(ValueTask<T> write)
    {
        try
        {
            return await write.ConfigureAwait(false);
        }
        finally
        {
            Invalidate();
        }
    }

    /// <summary>A resolved ARN: a start target (a state machine or version), or else an alias whose routes each start draws from.</summary>
    public sealed record Entry(StartTarget? Target, StateMachineAliasRecord? Alias, DateTimeOffset LoadedAt);
}
