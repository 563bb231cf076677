using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The single writer of a database, with group commit: it takes every write queued so far (up to a limit) and runs
/// them in one transaction, each under its own savepoint so that one write's failure does not undo its neighbours,
/// then commits once. With <c>synchronous=FULL</c> a commit is one fsync of the write-ahead log, so many executions'
/// steps share one fsync, and no caller hears "committed" before its write is durable.
/// </summary>
/// <remarks>
/// Handing each write to this loop and waking the caller after the commit costs two thread switches per commit, so
/// letting the caller commit its own write when the writer is idle was tried (leader/follower). It lost on the
/// sequential task-chain benchmark (about 200 against 280 executions per second on a shared, loaded machine): the
/// caller thread, busy deciding steps, most likely waits longer to be scheduled again after its fsync than this
/// mostly idle loop does.
/// </remarks>
internal sealed class SqliteWriter : IAsyncDisposable
{
    // The multi-reader flavour, although only the loop reads: unlike the single-reader one it can count (Queued).
    private readonly Channel<SqliteWrite> _queue = Channel.CreateUnbounded<SqliteWrite>();
    private readonly SqlitePreparedConnection _connection;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly int _maxBatch;
    private readonly Task _loop;
    private TaskCompletionSource? _pause;
    private long _transactions;
    private long _writes;

    public SqliteWriter(SqlitePreparedConnection connection, SqliteCheckpointer checkpointer, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _connection = connection;
        _checkpointer = checkpointer;
        _maxBatch = maxBatch;
        // One loop on the thread pool; it blocks one pool thread only while a batch commits (at most one at a time).
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far: each one fsync of the log.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Writes committed so far (failed writes not counted).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Writes queued and not yet taken into a transaction.</summary>
    public int Queued => _queue.Reader.Count;

    public Task<TResult> Enqueue<TArg, TResult>(TArg argument, Func<SqlitePreparedConnection, TArg, TResult> body)
    {
        var write = new SqliteWrite<TArg, TResult>(argument, body);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteStore));
        }

        return write.Task;
    }

    /// <summary>Test hook: holds queued writes back until <see cref="Resume"/>, so a test can queue a known batch.</summary>
    internal void Pause() => Interlocked.CompareExchange(ref _pause, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    internal void Resume() => Interlocked.Exchange(ref _pause, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Resume();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWrite>(_maxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (Volatile.Read(ref _pause) is { } pause)
            {
                await pause.Task.ConfigureAwait(false);
            }

            while (batch.Count < _maxBatch && reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<SqliteWrite> batch)
    {
        var committed = 0;
        try
        {
            SqliteValues.Execute(_connection, "BEGIN IMMEDIATE");
            foreach (var write in batch)
            {
                SqliteValues.Execute(_connection, "SAVEPOINT write");
                try
                {
                    write.Run(_connection);
                    committed++;
                }
                catch (Exception exception)
                {
                    write.Failure = exception;
                    SqliteValues.Execute(_connection, "ROLLBACK TO write");
                }

                SqliteValues.Execute(_connection, "RELEASE write");
            }

            SqliteValues.Execute(_connection, "COMMIT");
        }
        catch (Exception exception)
        {
            RollBackQuietly();
            foreach (var write in batch)
            {
                write.Fail(write.Failure ?? exception);
            }

            return;
        }

        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _writes, committed);
        foreach (var write in batch)
        {
            write.Complete();
        }

        // After the answers, so that a checkpoint the writer must run itself delays no caller of this batch.
        _checkpointer.Committed();
    }

    private void RollBackQuietly()
    {
        try
        {
            // sqlite3_get_autocommit is zero while a transaction is open.
            if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                SqliteValues.Execute(_connection, "ROLLBACK");
            }
        }
        catch (SqliteException)
        {
            // The transaction is gone already (SQLite rolls back by itself on some errors); nothing is left to undo.
        }
    }
}
