using Stepwise.Storage.Sqlite;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>Where the writer's loop runs: on the thread of a write that finds it idle, and never longer than that write needs.</summary>
public sealed class SqliteWriterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_write_that_finds_the_writer_idle_is_committed_on_its_callers_thread()
    {
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = _database.DatabasePath });
        await store.InitializeAsync();

        // The loop may still be on its way back to waiting after the write before; one of a few tries finds it idle.
        bool inline = false;
        for (int attempt = 0; attempt < 20 && !inline; attempt++)
        {
            await store.WriteAsync(0, static (_, _) => 0);
            int caller = -1;
            int body = -2;
            var thread = new Thread(() =>
            {
                caller = Environment.CurrentManagedThreadId;
                store.WriteAsync(0, (_, _) => body = Environment.CurrentManagedThreadId).AsTask().Wait(Patience);
            });
            thread.Start();
            thread.Join();
            inline = caller == body;
        }

        Assert.True(inline);
    }

    [Fact]
    public async Task A_caller_gets_its_thread_back_once_its_write_is_committed_while_other_writes_wait()
    {
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = _database.DatabasePath });
        await store.InitializeAsync();
        using var firstRunning = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        using var releaseSecond = new ManualResetEventSlim();
        using var firstCallerBack = new ManualResetEventSlim();
        Task<int>? first = null;
        var caller = new Thread(() =>
        {
            first = store.WriteAsync(0, (_, _) =>
            {
                firstRunning.Set();
                releaseFirst.Wait(Patience);
                return 1;
            }).AsTask();
            firstCallerBack.Set();
        });
        caller.Start();
        Assert.True(firstRunning.Wait(Patience));

        // Queued while the first write runs, so the loop still has work once the first is answered.
        var second = store.WriteAsync(0, (_, _) =>
        {
            releaseSecond.Wait(Patience);
            return 2;
        }).AsTask();
        releaseFirst.Set();

        // The second write is still held, so a caller kept by the loop would not be back before it is released.
        Assert.True(firstCallerBack.Wait(Patience));
        Assert.False(second.IsCompleted);
        releaseSecond.Set();
        caller.Join();
        Assert.Equal(1, await first!);
        Assert.Equal(2, await second);
    }
}
