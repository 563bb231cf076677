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
/// growing one, which fsyncs much slower) only when a commit begins after a checkpoint copied all of it. A checkpoint
/// beside a busy writer almost never ends in such a gap: commits land while it copies. So once the checkpointer has
/// copied the bulk, the writer, right after its next commit, copies the few frames added meanwhile (a passive
/// checkpoint on its own connection, during which no commit can land), and the commit after restarts the log. The
/// writer's share is a handful of pages and one fsync of the database file per <see cref="Threshold"/> frames, where
/// SQLite's own checkpoint copied and fsynced all of them inside a commit.
/// </para>
/// <para>
/// A checkpoint never loses a write: the log stays the record of every commit until its frames are in the database
/// file, so a failed or partial checkpoint (a reader still using old frames, a crash) leaves them to the next one. If
/// the checkpointer falls behind, past twice <see cref="Threshold"/> frames the writer checkpoints everything itself after
/// its commit, as SQLite would. A reader holding an old snapshot keeps any checkpoint from passing it; the log then
/// grows until the reader lets go, and writes go on succeeding.
/// </para>
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    // The round of the checkpointer: Copying from the writer's wake-up call to the end of its checkpoint, then Copied
    // until the writer's next commit looks at it. The writer moves it from Idle and Copied, the checkpointer from Copying.
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
    private int _copiedFrames;
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
        _writer = writer;
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            // A checkpoint fsyncs the database file before the log may restart over the frames it copied only when its
            // own connection says FULL: stated here rather than left to the library's compiled-in default.
            // A connection learns that the database is in WAL mode when it first reads it; until then SQLite takes a
            // checkpoint on it for a no-op (and reports a log of -1 frames).
            using var read = _connection.CreateCommand();
            read.CommandText = "PRAGMA synchronous = FULL; SELECT count(*) FROM sqlite_schema";
            read.ExecuteScalar();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        _self = GCHandle.Alloc(this);
        SqliteWalHook.Install(writer.Handle!, _self);
        _thread = new Thread(Run) { IsBackground = true, Name = "Stepwise SQLite checkpointer" };
        _thread.Start();
    }

    /// <summary>Frames added to the log since the checkpointer's last round past which it copies them back.</summary>
    public int Threshold { get; }

    /// <summary>Frames the log held after the writer's last commit (set by <see cref="SqliteWalHook"/> on the writer's thread).</summary>
    public int LogFrames { get; set; }

    /// <summary>Checkpoints the checkpointer's thread ran to their end.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Checkpoints the writer ran itself: finishing a round of the checkpointer, or the checkpointer being behind.</summary>
    public long WriterCheckpoints => Interlocked.Read(ref _writerCheckpoints);

    /// <summary>Test hook: while set, the checkpointer's thread lets the log grow, as if it had fallen behind.</summary>
    internal bool Suspended { get; set; }

    /// <summary>
    /// Whether <see cref="Committed"/> would now copy part of the log on the writer's thread: the writer first gives a
    /// caller's thread back (a thread may change the answer meanwhile, which costs a copy on a caller's thread at worst).
    /// </summary>
    public bool WriterMustCopy => Volatile.Read(ref _round) switch
    {
        Copying => LogFrames >= 2 * Threshold,
        Copied => LogFrames >= Threshold,
        _ => false,
    };

    /// <summary>Called by the writer on its thread after each commit, once the commit's callers have been answered.</summary>
    public void Committed()
    {
        var frames = LogFrames;
        switch (Volatile.Read(ref _round))
        {
            case Copying:
                // Behind (a slow disk, a starved thread): the writer bounds the log as SQLite would. Busy, and so cheap,
                // while the checkpointer is in the middle of its copy.
                if (frames >= 2 * Threshold)
                {
                    CopyRest();
                }

                return;
            case Copied:
                Volatile.Write(ref _round, Idle);
                if (frames >= Threshold)
                {
                    // What is left is what commits added during the round. No commit can land while the writer copies
                    // it, so unless a reader pins old frames this copies the whole log and the next commit restarts it.
                    // Finishing every other round instead would save fsyncs, but until its first restart the log grows,
                    // and a commit appending to a growing file fsyncs much slower than one overwriting: with restarts
                    // every 8,000 frames a fresh store's 1,000-execution task chain committed at twice the median latency.
                    CopyRest();
                    return;
                }

                break;
        }

        var copied = Volatile.Read(ref _copiedFrames);
        if (frames < copied)
        {
            // The log restarted (a round ended between two commits and copied all of it).
            copied = 0;
            Volatile.Write(ref _copiedFrames, 0);
        }

        if (frames - copied >= Threshold)
        {
            Volatile.Write(ref _round, Copying);
            _wake.Set();
        }
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

    private void CopyRest()
    {
        if (raw.sqlite3_wal_checkpoint_v2(_writer.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _) == raw.SQLITE_OK)
        {
            Interlocked.Increment(ref _writerCheckpoints);
            // The next commit restarts the log (or, if a reader pinned some frames, the checkpointer copies them later).
            Volatile.Write(ref _copiedFrames, 0);
        }
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
            var result = raw.sqlite3_wal_checkpoint_v2(_connection.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out var copied);
            if (result == raw.SQLITE_OK)
            {
                Volatile.Write(ref _copiedFrames, copied);
            }

            // Also after an error: the writer's next commit wakes it again, or finishes for it.
            Volatile.Write(ref _round, Copied);
            if (result == raw.SQLITE_OK)
            {
                Interlocked.Increment(ref _checkpoints);
            }
        }
    }
}
