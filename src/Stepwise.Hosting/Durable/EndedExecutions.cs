using System.Collections.Concurrent;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The records of executions whose first step, committed by an engine, ended them, as the store now holds them:
/// <see cref="DurableEngine.WaitForExecutionAsync"/> takes one instead of reading it back (an execution that runs to
/// its end within its start, as most short workflows do, is awaited right after). Bounded by
/// <see cref="MaxEntries"/> (oldest first out) and <see cref="MaxAge"/> (each add drops the records older than that, so
/// a process where nothing waits, as <c>stepwise serve</c>, keeps about a second of starts); a record not here is read
/// from the store. One
/// per store, shared by the engines over it (<see cref="StartCaches"/>), so a redrive through any of them takes the
/// record out.
/// </summary>
internal sealed class EndedExecutions
{
    /// <summary>How many records are kept at most.</summary>
    public const int MaxEntries = 1024;

    /// <summary>
    /// How long a record is handed over: only a redrive changes an ended execution, and one through an engine over the
    /// same store takes the record out; one by another process over the same database is seen after this.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (ExecutionRecord Record, DateTimeOffset EndedAt)> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Arn, DateTimeOffset EndedAt)> _order = new();
    private int _queued;
    private long _generation;

    /// <summary>How many records are kept; for tests.</summary>
    public int Count => _records.Count;

    /// <summary>
    /// Counts the forgets: read it before committing the start whose record is added, and give it to <see cref="Add"/>,
    /// which then keeps nothing a redrive may have made stale meanwhile.
    /// </summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>
    /// Keeps <paramref name="record"/> (not running, ended at <paramref name="now"/>) for a wait to take, unless a
    /// <see cref="Forget"/> came since <paramref name="generation"/> was read.
    /// </summary>
    public void Add(ExecutionRecord record, long generation, DateTimeOffset now)
    {
        if (Generation != generation)
        {
            return;
        }

        var kept = (record, now);
        _records[record.ExecutionArn] = kept;
        _order.Enqueue((record.ExecutionArn, now));

        // A forget may have come between the check above and the add: then the record may be of a run since redriven.
        if (Generation != generation)
        {
            _records.TryRemove(new KeyValuePair<string, (ExecutionRecord, DateTimeOffset)>(record.ExecutionArn, kept));
        }

        // The queue holds every kept ARN at least once, so bounding it bounds the records; it is in the order of the
        // adds, so the records too old to hand over are at its head.
        if (Interlocked.Increment(ref _queued) > MaxEntries)
        {
            DropOldest();
        }

        while (_order.TryPeek(out var oldest) && now - oldest.EndedAt > MaxAge && DropOldest())
        {
        }
    }

    /// <summary>Drops the head of the order and its record, unless the ARN was added again since (that record stays).</summary>
    private bool DropOldest()
    {
        if (!_order.TryDequeue(out var oldest))
        {
            return false;
        }

        Interlocked.Decrement(ref _queued);
        if (_records.TryGetValue(oldest.Arn, out var kept) && kept.EndedAt <= oldest.EndedAt)
        {
            _records.TryRemove(new KeyValuePair<string, (ExecutionRecord, DateTimeOffset)>(oldest.Arn, kept));
        }

        return true;
    }

    /// <summary>Takes the record of <paramref name="executionArn"/> out; null when none is kept or it is older than <see cref="MaxAge"/> at <paramref name="now"/>.</summary>
    public ExecutionRecord? Take(string executionArn, DateTimeOffset now)
    {
        if (!_records.TryRemove(executionArn, out var kept))
        {
            return null;
        }

        var age = now - kept.EndedAt;
        return age >= TimeSpan.Zero && age <= MaxAge ? kept.Record : null;
    }

    /// <summary>
    /// Forgets the record of <paramref name="executionArn"/>, and keeps none a start read <see cref="Generation"/> for
    /// before now: the execution runs again (a redrive).
    /// </summary>
    public void Forget(string executionArn)
    {
        Interlocked.Increment(ref _generation);
        _records.TryRemove(executionArn, out _);
    }
}
