using Stepwise.Storage.Activities;
using Stepwise.Storage.Executions;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.StateMachines;
using Stepwise.Storage.Tags;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Storage;

/// <summary>
/// One storage provider (in-memory, SQLite, PostgreSQL): its ports share one database, so a step commit spans them.
/// Thread-safe. Call <see cref="InitializeAsync"/> once before use.
/// </summary>
public interface IStepwiseStore : IAsyncDisposable
{
    /// <summary>State machines and versions.</summary>
    IStateMachineStore StateMachines { get; }

    /// <summary>State machine aliases.</summary>
    IStateMachineAliasStore Aliases { get; }

    /// <summary>Executions, histories, snapshots and the step commit.</summary>
    IExecutionStore Executions { get; }

    /// <summary>The leased work queue.</summary>
    IWorkQueue Work { get; }

    /// <summary>Durable timers.</summary>
    ITimerStore Timers { get; }

    /// <summary>The task-token index.</summary>
    ITaskTokenIndex TaskTokens { get; }

    /// <summary>Activities and their task queues.</summary>
    IActivityStore Activities { get; }

    /// <summary>Tags of state machines and activities.</summary>
    ITagStore Tags { get; }

    /// <summary>Map Runs of distributed Map states and their children's results.</summary>
    IMapRunStore MapRuns { get; }

    /// <summary>Creates the schema, or migrates an older one to the current version. Idempotent.</summary>
    ValueTask InitializeAsync(CancellationToken cancellationToken = default);
}
