using Microsoft.Data.Sqlite;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Sqlite;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>Checkpoints run beside the writer, never inside a commit, and the write-ahead log stays bounded.</summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    // A frame of the log: a 24-byte header and a 4 KB page; the log file starts with a 32-byte header.
    private const int FrameBytes = 4096 + 24;

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string LogPath => _database.DatabasePath + "-wal";

    private async Task<SqliteStore> OpenAsync(int checkpointFrames)
    {
        var store = new SqliteStore(new SqliteStoreOptions { Path = _database.DatabasePath }) { CheckpointFrames = checkpointFrames };
        await store.InitializeAsync();
        return store;
    }

    [Fact]
    public async Task The_commit_that_crosses_the_threshold_leaves_the_log_to_the_checkpointer_which_copies_it_back()
    {
        await using var store = await OpenAsync(checkpointFrames: 16);
        var checkpointer = store.Checkpointer;
        var i = 0;
        while (checkpointer.LogFrames < checkpointer.Threshold)
        {
            await store.Work.EnqueueAsync(Item("w" + i++));
        }

        // The commit came back with the log still past the threshold: it did not checkpoint.
        Assert.True(checkpointer.LogFrames >= checkpointer.Threshold);
        Assert.Equal(0, checkpointer.WriterCheckpoints);
        await WaitUntilAsync(() => checkpointer.Checkpoints > 0);

        // No commit landed while it copied, so it copied the whole log and the next commit writes the log again from its
        // beginning, with nothing left for the writer to finish.
        await store.Work.EnqueueAsync(Item("w" + i));
        Assert.Equal(0, checkpointer.WriterCheckpoints);
        Assert.True(checkpointer.LogFrames < checkpointer.Threshold, $"{checkpointer.LogFrames} frames after a checkpoint");
    }

    [Fact]
    public async Task The_log_stays_bounded_over_thousands_of_commits()
    {
        await using var store = await OpenAsync(checkpointFrames: 32);
        for (var i = 0; i < 3000; i++)
        {
            await store.Work.EnqueueAsync(Item("w" + i));
        }

        // Without checkpoints 3,000 commits write about 12,000 frames; with them the log restarts soon after each 32
        // (the bound leaves room for a checkpointer that ran late on a loaded machine while commits went on).
        Assert.True(store.Checkpointer.Checkpoints > 0);
        Assert.InRange(new FileInfo(LogPath).Length, 0, 32 + 1000L * FrameBytes);
    }

    [Fact]
    public async Task A_checkpointer_that_falls_behind_leaves_the_writer_to_bound_the_log()
    {
        await using var store = await OpenAsync(checkpointFrames: 16);
        store.Checkpointer.Suspended = true;
        // Creating the schema left more frames than that in the log: the log restarts after it, within its length.
        var created = new FileInfo(LogPath).Length;
        for (var i = 0; i < 1000; i++)
        {
            await store.Work.EnqueueAsync(Item("w" + i));
        }

        Assert.True(store.Checkpointer.WriterCheckpoints > 0);
        Assert.Equal(0, store.Checkpointer.Checkpoints);
        // The writer checkpoints everything at twice the threshold, so the log ends at most one commit past that.
        Assert.InRange(new FileInfo(LogPath).Length, 0, Math.Max(created, 32 + 2L * store.Checkpointer.Threshold * FrameBytes) + 16L * FrameBytes);
    }

    [Fact]
    public async Task A_reader_holding_an_old_snapshot_does_not_make_writes_fail_and_the_log_restarts_once_it_lets_go()
    {
        await using var store = await OpenAsync(checkpointFrames: 16);
        await store.Work.EnqueueAsync(Item("before"));
        using (var reader = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False"))
        {
            reader.Open();
            using var transaction = reader.BeginTransaction(deferred: true);
            using var count = reader.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT count(*) FROM work_items";
            Assert.Equal(1L, count.ExecuteScalar());

            for (var i = 0; i < 300; i++)
            {
                Assert.True(await store.Work.EnqueueAsync(Item("w" + i)));
            }

            // The reader's snapshot pins the log's frames, so no checkpoint could let it restart.
            Assert.True(store.Checkpointer.LogFrames > 2 * store.Checkpointer.Threshold);
            Assert.Equal(1L, count.ExecuteScalar());
        }

        var next = 0;
        await WaitUntilAsync(async () =>
        {
            await store.Work.EnqueueAsync(Item("after" + next++));
            return store.Checkpointer.LogFrames < store.Checkpointer.Threshold;
        });
        Assert.Equal(301 + next, (await store.Work.LeaseAsync("node", T0, TimeSpan.FromSeconds(1), 1000)).Count);
    }

    [Fact]
    public async Task Disposing_the_store_checkpoints_the_whole_log_and_another_store_opens_every_row()
    {
        await using (var store = await OpenAsync(checkpointFrames: 16))
        {
            for (var i = 0; i < 200; i++)
            {
                var execution = Execution("m", "e" + i);
                await store.Executions.CreateAsync(execution, FirstStep(execution));
            }
        }

        // The last connection to close copied the log back and deleted it.
        Assert.False(File.Exists(LogPath));
        await using var reopened = await OpenAsync(checkpointFrames: 16);
        var page = await reopened.Executions.ListAsync(MachineArn("m"), null, null, PageRequest.First(1000));
        Assert.Equal(200, page.Items.Count);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(Events(1, 2), (await reopened.Executions.GetHistoryAsync(ExecutionArn("m", "e" + i), false, PageRequest.First(10))).Items);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    // The checkpointer runs on its own thread: wait for what it does, giving up after a generous while.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(1);
        }

        Assert.Fail("The checkpointer did not get there.");
    }
}
