using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection and thread of its own, so that no commit
/// waits for the bulk of a checkpoint. SQLite's automatic checkpoint runs inside the commit that takes the log past its
/// threshold: that commit copies about a thousand pages and fsyncs the database file (5–12 ms), which on a sequential
/// chain of one-millisecond commits was the whole p99 and about a tenth of the mean. Here the writer's commits only
/// report the log's length (<see cref="SqliteWalHook"/>); past <see cref="Threshold"/> frames the checkpointer wakes and
/// runs a passive checkpoint, which never blocks the writer.
/// </summary>
/// <remarks>
/// <para>
/// The log restarts from its beginning (so that commits overwrite a file of a steady length rather than append to a
/// growing one) only when a commit begins after a checkpoint copied all of it. A checkpoint beside a busy writer
/// almost never ends in such a gap: commits land while it copies. So once the checkpointer has copied the bulk, the
/// writer, right after its next commit, copies the few frames added since (a passive checkpoint on its own connection,
/// during which no commit can land), and the commit after restarts the log. The log file thus stays about
/// <see cref="Threshold"/> frames long, and the writer's share is a handful of pages and one fsync per cycle.
/// </para>
/// <para>
/// A checkpoint never loses a write: the log stays the record of every commit until its frames are in the database
/// file, so a failed or partial checkpoint (a reader still using old frames, a crash) leaves them to the next one. If
/// the checkpointer falls behind, past <see cref="Limit"/> frames the writer checkpoints everything itself after its
/// commit, as SQLite would. A reader holding an old snapshot keeps any checkpoint from passing it; the log then grows
/// until the reader lets go, and writes go on succeeding.
/// </para>
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    // The round of the checkpointer: Idle, Copying from its wake-up to the end of its checkpoint, then Copied until the
    // writer finished it. The writer moves it from Idle and Copied, the checkpointer from Copying.
    private const int Idle = 0;
    private const int Copying = 1;
    private const int Copied = 2;

    private readonly SqlitePreparedConnection _writer;
    private readonly SqliteConnection _connection;
    private readonly AutoResetEvent _wake = new(initialState: false);
    private readonly Thread _thread;
    private GCHandle _self;
    private volatile bool _stopping;
    private int _round;
    private long _checkpoints;
    private long _writerCheckpoints;

    /// <summary>Opens the checkpointer's connection and takes over checkpointing from the writer's commits.</summary>
    /// <param name="connectionString">The store's database.</param>
    /// <param name="writer">The writer's connection, whose commits report the log's length here.</param>
    /// <param name="threshold">Frames in the log past which the checkpointer copies it back.</param>
    public SqliteCheckpointer(string connectionString, SqlitePreparedConnection writer, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
        // Four times the threshold: far enough that the checkpointer, given a moment, always gets there first.
        Limit = 4 * threshold;
        _writer = writer;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        // A connection learns that the database is in WAL mode when it first reads it; until then SQLite takes a
        // checkpoint on it for a no-op (and reports a log of -1 frames).
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_schema";
            read.ExecuteScalar();
        }

        _self = GCHandle.Alloc(this);
        SqliteWalHook.Install(writer.Handle!, _self);
        _thread = new Thread(Run) { IsBackground = true, Name = "Stepwise SQLite checkpointer" };
        _thread.Start();
    }

    /// <summary>Frames in the log past which the checkpointer copies it back into the database file.</summary>
    public int Threshold { get; }

    /// <summary>Frames in the log past which the writer checkpoints itself after a commit.</summary>
    public int Limit { get; }

    /// <summary>Frames the log held after the writer's last commit (set by <see cref="SqliteWalHook"/> on the writer's thread).</summary>
    public int LogFrames { get; set; }

    /// <summary>Checkpoints the checkpointer's thread ran to their end.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Checkpoints the writer ran itself: finishing one of the checkpointer's, or the log being past <see cref="Limit"/>.</summary>
    public long WriterCheckpoints => Interlocked.Read(ref _writerCheckpoints);

    /// <summary>Test hook: while set, the checkpointer's thread lets the log grow, as if it had fallen behind.</summary>
    internal bool Suspended { get; set; }

    /// <summary>Called by the writer on its thread after each commit, once the commit's callers have been answered.</summary>
    public void Committed()
    {
        var frames = LogFrames;
        if (frames < Threshold)
        {
            // The log restarted: the checkpointer's copy, if it had one, ended between two commits and left nothing.
            if (Volatile.Read(ref _round) == Copied)
            {
                Interlocked.CompareExchange(ref _round, Idle, Copied);
            }

            return;
        }

        if (frames < Limit)
        {
            if (Interlocked.CompareExchange(ref _round, Copying, Idle) == Idle)
            {
                _wake.Set();
                return;
            }

            if (Volatile.Read(ref _round) == Copying)
            {
                return;
            }
        }

        // What is left is what commits added while the checkpointer copied (or, past the limit, everything). No commit
        // can land meanwhile, so unless a reader pins old frames this copies the whole log and the next commit restarts
        // it. Busy when the checkpointer is in the middle of one: a later commit tries again.
        if (raw.sqlite3_wal_checkpoint_v2(_writer.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _) == raw.SQLITE_OK)
        {
            Interlocked.Increment(ref _writerCheckpoints);
        }

        Interlocked.CompareExchange(ref _round, Idle, Copied);
    }

    /// <summary>Stops the thread and gives checkpointing back to nobody; call after the writer's last commit.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _wake.Set();
        _thread.Join();
        // The writer's connection may go back to Microsoft.Data.Sqlite's pool: it must not call into a freed handle.
        SqliteWalHook.Remove(_writer.Handle!);
        _self.Free();
        _connection.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _wake.WaitOne();
            if (_stopping)
            {
                return;
            }

            if (Suspended)
            {
                // Stays Copying, so the writer never wakes it again and only its own limit bounds the log.
                continue;
            }

            // Passive: copies what no reader still needs without taking any lock the writer waits for. An error (a
            // busy or full disk) leaves the frames in the log, where they are durable, for the next attempt.
            var result = raw.sqlite3_wal_checkpoint_v2(_connection.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
            // Also after an error: the writer's attempt to finish is the next try.
            Volatile.Write(ref _round, Copied);
            if (result == raw.SQLITE_OK)
            {
                Interlocked.Increment(ref _checkpoints);
            }
        }
    }
}
