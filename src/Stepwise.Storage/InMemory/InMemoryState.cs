using System.Collections.Immutable;
using Stepwise.Storage.Activities;
using Stepwise.Storage.Executions;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.StateMachines;
using Stepwise.Storage.Tags;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Storage.InMemory;

/// <summary>
/// The whole in-memory database as one immutable value. A write builds the next value and publishes it only at its
/// end, so a write that throws half-way leaves nothing behind: atomicity by construction, no undo log.
/// </summary>
internal sealed record InMemoryState
{
    public static readonly InMemoryState Empty = new();

    /// <summary>The last sequence number handed out; orders listings by creation.</summary>
    public long Sequence { get; init; }

    public ImmutableDictionary<string, Sequenced<StateMachineRecord>> StateMachines { get; init; } =
        ImmutableDictionary.Create<string, Sequenced<StateMachineRecord>>(StringComparer.Ordinal);

    public ImmutableDictionary<string, StateMachineVersionRecord> Versions { get; init; } =
        ImmutableDictionary.Create<string, StateMachineVersionRecord>(StringComparer.Ordinal);

    public ImmutableDictionary<string, Sequenced<StateMachineAliasRecord>> Aliases { get; init; } =
        ImmutableDictionary.Create<string, Sequenced<StateMachineAliasRecord>>(StringComparer.Ordinal);

    /// <summary>The last version number published per state machine; kept after deletions so numbers are never reused.</summary>
    public ImmutableDictionary<string, long> LastVersions { get; init; } = ImmutableDictionary.Create<string, long>(StringComparer.Ordinal);

    public ImmutableDictionary<string, ExecutionEntry> Executions { get; init; } =
        ImmutableDictionary.Create<string, ExecutionEntry>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<long, WorkEntry> Work { get; init; } = ImmutableSortedDictionary<long, WorkEntry>.Empty;

    public ImmutableDictionary<string, long> WorkKeys { get; init; } = ImmutableDictionary.Create<string, long>(StringComparer.Ordinal);

    public ImmutableDictionary<TimerKey, TimerEntry> Timers { get; init; } = ImmutableDictionary<TimerKey, TimerEntry>.Empty;

    public ImmutableDictionary<string, TaskTokenEntry> TaskTokens { get; init; } =
        ImmutableDictionary.Create<string, TaskTokenEntry>(StringComparer.Ordinal);

    public ImmutableDictionary<string, Sequenced<ActivityRecord>> Activities { get; init; } =
        ImmutableDictionary.Create<string, Sequenced<ActivityRecord>>(StringComparer.Ordinal);

    /// <summary>Queued activity tasks by sequence (FIFO), with an index from task token to sequence.</summary>
    public ImmutableSortedDictionary<long, ActivityTask> ActivityTasks { get; init; } = ImmutableSortedDictionary<long, ActivityTask>.Empty;

    public ImmutableDictionary<string, long> ActivityTaskTokens { get; init; } = ImmutableDictionary.Create<string, long>(StringComparer.Ordinal);

    /// <summary>Until when a worker's claim holds a queued activity task, by token (see <c>IActivityStore.ClaimTaskAsync</c>).</summary>
    public ImmutableDictionary<string, DateTimeOffset> ActivityTaskClaims { get; init; } = ImmutableDictionary.Create<string, DateTimeOffset>(StringComparer.Ordinal);

    /// <summary>Tags by resource ARN, each list in the order its keys were first added.</summary>
    public ImmutableDictionary<string, ImmutableList<ResourceTag>> Tags { get; init; } =
        ImmutableDictionary.Create<string, ImmutableList<ResourceTag>>(StringComparer.Ordinal);

    public ImmutableDictionary<string, Sequenced<MapRunRecord>> MapRuns { get; init; } =
        ImmutableDictionary.Create<string, Sequenced<MapRunRecord>>(StringComparer.Ordinal);

    /// <summary>Each Map Run's child results by index.</summary>
    public ImmutableDictionary<string, ImmutableSortedDictionary<long, MapRunChildResult>> MapRunResults { get; init; } =
        ImmutableDictionary.Create<string, ImmutableSortedDictionary<long, MapRunChildResult>>(StringComparer.Ordinal);

    internal readonly record struct Sequenced<T>(long Sequence, T Value);

    internal readonly record struct TimerKey(string ExecutionArn, long TimerId);

    internal sealed record TimerEntry(DurableTimer Timer, DateTimeOffset? LeasedUntil);

    internal sealed record WorkEntry(long Id, WorkItem Item, int Delivery, string? Owner, DateTimeOffset? LeaseExpiresAt);

    internal sealed record ExecutionEntry(long Sequence, ExecutionRecord Record, string? Snapshot, ImmutableList<StoredEvent> Events);
}
