using Microsoft.Data.Sqlite;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Sqlite;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>The store's reader connections: kept between reads with their statements prepared, never holding a snapshot.</summary>
public sealed class SqliteReaderPoolTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<SqliteStore> OpenStoreAsync()
    {
        var store = new SqliteStore(new SqliteStoreOptions { Path = _database.DatabasePath });
        await store.InitializeAsync();
        return store;
    }

    [Fact]
    public async Task Sequential_reads_reuse_one_connection_and_its_prepared_statements()
    {
        await using var store = await OpenStoreAsync();
        var execution = Execution("m", "e1");
        await store.Executions.CreateAsync(execution, FirstStep(execution));
        await store.Executions.GetAsync(execution.ExecutionArn);
        var first = store.Readers.Rent();
        var prepared = first.PreparedCount;
        store.Readers.Return(first);

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await store.Executions.GetAsync(execution.ExecutionArn));
        }

        var again = store.Readers.Rent();
        Assert.Same(first, again);
        Assert.Equal(prepared, again.PreparedCount);
        store.Readers.Return(again);
    }

    [Fact]
    public async Task A_reused_connection_reads_what_was_committed_after_its_last_read_and_pins_no_snapshot()
    {
        await using var store = await OpenStoreAsync();
        var execution = Execution("m", "e1");
        await store.Executions.CreateAsync(execution, FirstStep(execution));
        Assert.Equal(2, (await store.Executions.GetAsync(execution.ExecutionArn))!.LastEventId);

        await store.Executions.CommitAsync(new StepCommit { ExecutionArn = execution.ExecutionArn, ExpectedLastEventId = 2, Events = Events(3, 2) });

        Assert.Equal(4, (await store.Executions.GetAsync(execution.ExecutionArn))!.LastEventId);
        Assert.Equal(4, (await store.Executions.GetSnapshotAsync(execution.ExecutionArn))!.LastEventId);
        // A statement left unreset would hold a read of an old snapshot, and a truncating checkpoint would report busy.
        Assert.Equal(0L, Checkpoint()[0]);
    }

    [Fact]
    public async Task Reads_at_once_each_get_their_own_connection_and_only_the_capacity_is_kept()
    {
        await using var store = await OpenStoreAsync();
        var pool = store.Readers;
        var rented = new SqlitePreparedConnection[pool.Capacity + 2];
        for (var i = 0; i < rented.Length; i++)
        {
            rented[i] = pool.Rent();
        }

        Assert.Equal(rented.Length, rented.Distinct().Count());
        foreach (var connection in rented)
        {
            pool.Return(connection);
        }

        Assert.Equal(pool.Capacity, pool.Idle);
        Assert.Equal(System.Data.ConnectionState.Closed, rented[^1].State);
        Assert.Equal(System.Data.ConnectionState.Open, rented[0].State);
    }

    [Fact]
    public async Task Disposing_the_store_closes_every_reader_connection_so_the_file_is_released()
    {
        var store = await OpenStoreAsync();
        var execution = Execution("m", "e1");
        await store.Executions.CreateAsync(execution, FirstStep(execution));
        var reads = new Task[8];
        for (var i = 0; i < reads.Length; i++)
        {
            reads[i] = Task.Run(async () => await store.Executions.GetHistoryAsync(execution.ExecutionArn, false, Paging.PageRequest.First(10)));
        }

        await Task.WhenAll(reads);
        var outOnARead = store.Readers.Rent();
        Assert.True(File.Exists(_database.DatabasePath + "-wal"));

        await store.DisposeAsync();
        store.Readers.Return(outOnARead);

        Assert.Equal(0, store.Readers.Idle);
        Assert.Equal(System.Data.ConnectionState.Closed, outOnARead.State);
        // SQLite removes the write-ahead log when the last connection to the database closes.
        Assert.False(File.Exists(_database.DatabasePath + "-wal"));
        Assert.Throws<ObjectDisposedException>(() => store.Readers.Rent());
    }

    [Fact]
    public async Task A_prepared_read_keeps_working_after_the_schema_changes_under_it()
    {
        await using var store = await OpenStoreAsync();
        var execution = Execution("m", "e1");
        await store.Executions.CreateAsync(execution, FirstStep(execution));
        var before = await store.Executions.GetAsync(execution.ExecutionArn);

        using (var other = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False"))
        {
            other.Open();
            using var alter = other.CreateCommand();
            alter.CommandText = "ALTER TABLE executions ADD COLUMN added_later TEXT; CREATE INDEX executions_by_name ON executions (name);";
            alter.ExecuteNonQuery();
        }

        Assert.Equal(before, await store.Executions.GetAsync(execution.ExecutionArn));
    }

    [Fact]
    public async Task A_statement_run_with_another_number_of_arguments_binds_them_and_stays_one_statement()
    {
        await using var store = await OpenStoreAsync();
        var connection = store.Readers.Rent();
        var prepared = connection.PreparedCount;

        Assert.Equal(1L, SqliteValues.Scalar(connection, "SELECT $p0", 1L));
        Assert.Equal(2L, SqliteValues.Scalar(connection, "SELECT $p0", 2L, 3L));
        Assert.Equal(4L, SqliteValues.Scalar(connection, "SELECT $p0", 4L));
        Assert.Equal(prepared + 1, connection.PreparedCount);
        store.Readers.Return(connection);
    }

    [Fact]
    public async Task A_read_that_fails_closes_its_connection_instead_of_keeping_it()
    {
        await using var store = await OpenStoreAsync();
        await store.Executions.GetAsync("warm-up");
        var idle = store.Readers.Rent();
        store.Readers.Return(idle);

        Assert.Throws<StorageException>(() => store.Read(0, static (connection, _) => SqliteValues.Scalar(connection, "SELECT * FROM no_such_table")));

        Assert.Equal(0, store.Readers.Idle);
        Assert.Equal(System.Data.ConnectionState.Closed, idle.State);
    }

    [Fact]
    public async Task A_connection_returned_with_rows_still_open_is_closed_instead_of_kept()
    {
        await using var store = await OpenStoreAsync();
        var execution = Execution("m", "e1");
        await store.Executions.CreateAsync(execution, FirstStep(execution));
        var connection = store.Readers.Rent();
        var rows = SqliteValues.Query(connection, "SELECT arn FROM executions");
        Assert.True(rows.Read());

        store.Readers.Return(connection);

        Assert.Equal(0, store.Readers.Idle);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        // Closing it ended the read, so nothing pins an old snapshot.
        Assert.Equal(0L, Checkpoint()[0]);
    }

    [Fact]
    public async Task A_connection_whose_rows_were_all_disposed_is_kept()
    {
        await using var store = await OpenStoreAsync();
        var connection = store.Readers.Rent();
        using (var rows = SqliteValues.Query(connection, "SELECT 1"))
        {
            Assert.True(rows.Read());
        }

        Assert.Equal(1L, SqliteValues.Scalar(connection, "SELECT 1"));
        store.Readers.Return(connection);

        Assert.Equal(1, store.Readers.Idle);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }

    private List<object?> Checkpoint()
    {
        using var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return [reader.GetValue(0), reader.GetValue(1), reader.GetValue(2)];
    }
}
