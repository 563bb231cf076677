using System.Globalization;
using Microsoft.Data.Sqlite;
using Stepwise.Storage.Activities;
using Stepwise.Storage.Executions;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.StateMachines;
using Stepwise.Storage.Tags;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The embedded store for one node (DESIGN.md §4): one SQLite file in WAL mode. Reads run on the store's pooled
/// reader connections (<see cref="SqliteReaderPool"/>) alongside the single writer, which batches concurrent writes into one transaction (group commit, see
/// <see cref="CommittedTransactions"/>). Call <see cref="InitializeAsync"/> before use: it creates or migrates the schema.
/// </summary>
public sealed class SqliteStore : IStepwiseStore
{
    private readonly SqliteStoreOptions _options;
    private readonly string _connectionString;
    private readonly string _busyTimeout;
    private readonly SqliteReaderPool _readers;
    private SqliteConnection? _writerConnection;
    private SqliteWriter? _writer;
    private SqliteCheckpointer? _checkpointer;

    static SqliteStore()
    {
        // Microsoft.Data.Sqlite.Core leaves choosing the native library to the application; the bundle brings e_sqlite3.
        SQLitePCL.Batteries_V2.Init();
    }

    /// <summary>Creates the store; nothing is opened before <see cref="InitializeAsync"/>.</summary>
    public SqliteStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Whole seconds, at least one: Microsoft.Data.Sqlite reads 0 as "wait forever" on a busy database.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        // SQLite waits this long for a lock held by another connection before it reports the database busy.
        _busyTimeout = "PRAGMA busy_timeout = " + ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        // Reads are synchronous, so no more run at once than threads do; twice the cores covers the pool's extra threads.
        _readers = new SqliteReaderPool(_connectionString, _busyTimeout, Math.Max(4, 2 * Environment.ProcessorCount));
        StateMachines = new SqliteStateMachineStore(this);
        Aliases = new SqliteStateMachineAliasStore(this);
        Executions = new SqliteExecutionStore(this);
        Work = new SqliteWorkQueue(this);
        Timers = new SqliteTimerStore(this);
        TaskTokens = new SqliteTaskTokenIndex(this);
        Activities = new SqliteActivityStore(this);
        Tags = new SqliteTagStore(this);
        MapRuns = new SqliteMapRunStore(this);
    }

    /// <inheritdoc/>
    public IStateMachineStore StateMachines { get; }

    /// <inheritdoc/>
    public IStateMachineAliasStore Aliases { get; }

    /// <inheritdoc/>
    public IExecutionStore Executions { get; }

    /// <inheritdoc/>
    public IWorkQueue Work { get; }

    /// <inheritdoc/>
    public ITimerStore Timers { get; }

    /// <inheritdoc/>
    public ITaskTokenIndex TaskTokens { get; }

    /// <inheritdoc/>
    public IActivityStore Activities { get; }

    /// <inheritdoc/>
    public ITagStore Tags { get; }

    /// <inheritdoc/>
    public IMapRunStore MapRuns { get; }

    /// <summary>
    /// Write transactions committed since this store was opened: each is one fsync of the write-ahead log. Compare with
    /// <see cref="CommittedWrites"/> to see how many writes group commit put behind each fsync.
    /// </summary>
    public long CommittedTransactions => _writer?.Transactions ?? 0;

    /// <summary>Writes (step commits, creates, leases…) committed since this store was opened.</summary>
    public long CommittedWrites => _writer?.Writes ?? 0;

    /// <summary>Test hook called at each <see cref="CommitStages"/> point of a step commit; it may throw to inject a fault.</summary>
    internal Action<string>? CommitStageHook { get; set; }

    /// <summary>
    /// Frames of the write-ahead log (pages of 4 KB) past which <see cref="SqliteCheckpointer"/> copies it back into
    /// the database file; SQLite's own default. Tests lower it to cross it quickly.
    /// </summary>
    internal int CheckpointFrames { get; set; } = 1000;

    internal SqliteCheckpointer Checkpointer => _checkpointer ?? throw new InvalidOperationException("Call InitializeAsync before using the store.");

    /// <summary>The migrations to run; tests substitute their own to exercise the migration path.</summary>
    internal IReadOnlyList<string> Migrations { get; set; } = SqliteSchema.Migrations;

    internal SqliteReaderPool Readers => _readers;

    internal SqliteWriter Writer => _writer ?? throw new InvalidOperationException("Call InitializeAsync before using the store.");

    /// <inheritdoc/>
    public ValueTask InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is not null)
        {
            return ValueTask.CompletedTask;
        }

        SqlitePreparedConnection? connection = null;
        SqliteCheckpointer? checkpointer = null;
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(_options.Path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            connection = new SqlitePreparedConnection(_connectionString);
            connection.Open();
            SqliteValues.Execute(connection, _busyTimeout);
            // WAL lets readers run beside the writer and makes a commit one sequential log write; FULL fsyncs the log
            // at every commit, so a committed step survives a power cut (group commit keeps that affordable).
            SqliteValues.Execute(connection, "PRAGMA journal_mode = WAL");
            SqliteValues.Execute(connection, "PRAGMA synchronous = FULL");
            SqliteSchema.Migrate(connection, Migrations);
            // From here on the writer's commits never checkpoint: the checkpointer does, on its own connection.
            checkpointer = new SqliteCheckpointer(_connectionString, connection, CheckpointFrames);
            var writer = new SqliteWriter(connection, checkpointer, _options.MaxWritesPerTransaction);
            (_writerConnection, _checkpointer, _writer) = (connection, checkpointer, writer);
        }
        catch (Exception exception)
        {
            // A failed open leaves nothing open behind it, so a retry starts afresh.
            checkpointer?.Dispose();
            connection?.Dispose();
            throw SqliteErrors.Map(exception);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The schema version of the open database.</summary>
    internal int ReadSchemaVersion() => Read(0, static (connection, _) => SqliteSchema.ReadVersion(connection));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        if (_checkpointer is { } checkpointer)
        {
            _checkpointer = null;
            checkpointer.Dispose();
        }

        _readers.Dispose();
        if (_writerConnection is { } connection)
        {
            _writerConnection = null;
            connection.Dispose();
            // Closed connections stay open in Microsoft.Data.Sqlite's pool; release them so the file can be moved or
            // deleted. The last one SQLite closes checkpoints the whole log and deletes it.
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Runs a write through the group-committing writer.</summary>
    internal ValueTask<TResult> WriteAsync<TArg, TResult>(TArg argument, Func<SqlitePreparedConnection, TArg, TResult> body) =>
        new(Writer.Enqueue(argument, body));

    /// <summary>
    /// Runs a read on one of the store's reader connections (WAL readers see the last committed state and never block
    /// the writer). <paramref name="body"/> must dispose every reader it opens.
    /// </summary>
    internal TResult Read<TArg, TResult>(TArg argument, Func<SqlitePreparedConnection, TArg, TResult> body)
    {
        _ = Writer;
        SqlitePreparedConnection? connection = null;
        try
        {
            connection = _readers.Rent();
            var result = body(connection, argument);
            _readers.Return(connection);
            return result;
        }
        catch (Exception exception)
        {
            // A connection a read failed on is not trusted with the next one.
            connection?.Dispose();
            if (exception is SqliteException)
            {
                throw SqliteErrors.Map(exception);
            }

            throw;
        }
    }

    internal void OnCommitStage(string stage) => CommitStageHook?.Invoke(stage);
}
