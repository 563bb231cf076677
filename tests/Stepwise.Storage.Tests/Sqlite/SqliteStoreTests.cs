using Microsoft.Data.Sqlite;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Sqlite;
using Stepwise.Storage.StateMachines;
using Stepwise.Storage.Tests.Contract;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>What only a durable, file-backed provider promises: restarts, migrations and group commit.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private SqliteStore NewStore(int maxWritesPerTransaction = 256) =>
        new(new SqliteStoreOptions { Path = _database.DatabasePath, MaxWritesPerTransaction = maxWritesPerTransaction });

    [Fact]
    public async Task Reopening_the_same_file_keeps_everything_committed()
    {
        var execution = Execution("m", "e1");
        await using (var store = NewStore())
        {
            await store.InitializeAsync();
            await store.StateMachines.CreateAsync(Machine("m"));
            await store.StateMachines.PublishVersionAsync(MachineArn("m"), "v1", At(1));
            await store.Activities.CreateAsync(Activity("a"));
            await store.Executions.CreateAsync(execution, FirstStep(execution) with
            {
                TimersToStart = [Timer(execution.ExecutionArn, 1, At(10))],
                TaskTokensToAdd = [Token(execution.ExecutionArn, "t1")],
                ActivityTasksToEnqueue = [ActivityTask(Activity("a").ActivityArn, "t1", execution.ExecutionArn)],
                WorkToEnqueue = [Item("w1")],
            });
        }

        await using var reopened = NewStore();
        await reopened.InitializeAsync();

        Assert.Equal(Machine("m"), await reopened.StateMachines.GetAsync(MachineArn("m")));
        Assert.Equal("v1", (await reopened.StateMachines.GetVersionAsync(MachineArn("m") + ":1"))!.Description);
        Assert.Equal(execution with { LastEventId = 2 }, await reopened.Executions.GetAsync(execution.ExecutionArn));
        Assert.Equal("snapshot-1", (await reopened.Executions.GetSnapshotAsync(execution.ExecutionArn))!.Json);
        Assert.Equal(Events(1, 2), (await reopened.Executions.GetHistoryAsync(execution.ExecutionArn, false, PageRequest.First(10))).Items);
        Assert.Equal([Timer(execution.ExecutionArn, 1, At(10))], await reopened.Timers.ListAsync(execution.ExecutionArn));
        Assert.Equal(Token(execution.ExecutionArn, "t1"), await reopened.TaskTokens.FindAsync("t1"));
        Assert.Equal("t1", (await reopened.Activities.ClaimTaskAsync(Activity("a").ActivityArn, T0, T0 + ClaimTime))!.TaskToken);
        Assert.Equal([Item("w1")], (await reopened.Work.LeaseAsync("node", T0, TimeSpan.FromSeconds(1), 10)).Select(w => w.Item));
    }

    [Fact]
    public async Task A_missing_file_is_created_with_its_folder_and_migrated_to_the_current_schema()
    {
        await using var store = NewStore();

        await store.InitializeAsync();

        Assert.True(File.Exists(_database.DatabasePath));
        Assert.Equal(SqliteSchema.CurrentVersion, store.ReadSchemaVersion());
        Assert.Equal("wal", JournalMode());
    }

    [Fact]
    public async Task An_empty_file_is_migrated_and_initializing_again_changes_nothing()
    {
        Directory.CreateDirectory(_database.Folder);
        await File.WriteAllBytesAsync(_database.DatabasePath, []);
        await using (var store = NewStore())
        {
            await store.InitializeAsync();
            await store.InitializeAsync();
            await store.StateMachines.CreateAsync(Machine("m"));
        }

        await using var again = NewStore();
        await again.InitializeAsync();

        Assert.Equal(SqliteSchema.CurrentVersion, again.ReadSchemaVersion());
        Assert.NotNull(await again.StateMachines.GetAsync(MachineArn("m")));
    }

    [Fact]
    public async Task An_older_database_runs_only_the_migrations_it_has_not_seen()
    {
        await using (var old = NewStore())
        {
            old.Migrations = ["CREATE TABLE marker (n INTEGER); INSERT INTO marker VALUES (1);"];
            await old.InitializeAsync();
        }

        await using var upgraded = NewStore();
        upgraded.Migrations =
        [
            "CREATE TABLE marker (n INTEGER); INSERT INTO marker VALUES (1);",
            "INSERT INTO marker VALUES (2);",
        ];
        await upgraded.InitializeAsync();

        Assert.Equal(2, upgraded.ReadSchemaVersion());
        Assert.Equal([1L, 2L], Query("SELECT n FROM marker ORDER BY n"));
    }

    [Fact]
    public async Task A_database_at_the_first_schema_version_keeps_its_data_and_gains_aliases_on_upgrade()
    {
        await using (var first = NewStore())
        {
            first.Migrations = [SqliteSchema.Migrations[0]];
            await first.InitializeAsync();
            await first.StateMachines.CreateAsync(Machine("m"));
        }

        await using var upgraded = NewStore();
        await upgraded.InitializeAsync();
        var alias = new StateMachineAliasRecord
        {
            StateMachineAliasArn = MachineArn("m") + ":prod",
            StateMachineArn = MachineArn("m"),
            Name = "prod",
            RoutingConfiguration = [new AliasRoute(MachineArn("m") + ":1", 100)],
            CreationDate = T0,
        };
        await upgraded.Aliases.CreateAsync(alias);

        Assert.Equal(SqliteSchema.CurrentVersion, upgraded.ReadSchemaVersion());
        Assert.Equal(Machine("m"), await upgraded.StateMachines.GetAsync(MachineArn("m")));
        Assert.Equal("prod", (await upgraded.Aliases.GetAsync(alias.StateMachineAliasArn))!.Name);
    }

    [Fact]
    public async Task Events_stored_one_row_each_before_schema_5_read_back_exactly_after_the_upgrade()
    {
        await using (var old = NewStore())
        {
            old.Migrations = [.. SqliteSchema.Migrations.Take(4)];
            await old.InitializeAsync();
        }

        var arn = ExecutionArn("m", "old");
        Execute($$"""
            INSERT INTO history_events (execution_arn, id, type, timestamp, json) VALUES
                ('{{arn}}', 1, 'ExecutionStarted', {{At(1).UtcTicks}}, '{"input":"Zoë, ☃"}'),
                ('{{arn}}', 2, 'PassStateEntered', {{At(2).UtcTicks}}, '{"a":1}'),
                ('{{arn}}', 3, 'PassStateExited', {{At(3).UtcTicks}}, '{}');
            """);

        await using var upgraded = NewStore();
        await upgraded.InitializeAsync();
        var page = await upgraded.Executions.GetHistoryAsync(arn, true, new PageRequest(2, null));

        Assert.Equal(SqliteSchema.CurrentVersion, upgraded.ReadSchemaVersion());
        Assert.Equal([new StoredEvent(3, "PassStateExited", At(3), "{}"), new StoredEvent(2, "PassStateEntered", At(2), """{"a":1}""")], page.Items);
        Assert.Equal([new StoredEvent(1, "ExecutionStarted", At(1), """{"input":"Zoë, ☃"}""")],
            (await upgraded.Executions.GetHistoryAsync(arn, true, new PageRequest(2, page.NextToken))).Items);
    }

    [Fact]
    public async Task A_step_is_written_as_utf8_without_its_event_strings_and_each_shared_payload_once()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        var execution = Execution("m", "shared");
        string payload = new('p', 2000);
        var texts = Enumerable.Range(1, 4).Select(id => new SharingEventText(id, payload, "e" + id)).ToList();
        var events = texts.Select((t, i) => new StoredEvent(i + 1, "TaskStateEntered", At(i + 1), t)).ToList();

        await store.Executions.CreateAsync(execution, FirstStep(execution) with { Events = events });

        Assert.All(texts, t => Assert.Equal(0, t.StringWrites));
        // The size before compression: the eight copies of the payload the events carry are one.
        var size = (long)Query("SELECT size FROM history_steps").Single()!;
        Assert.InRange(size, payload.Length, 2 * payload.Length);
        var history = await store.Executions.GetHistoryAsync(execution.ExecutionArn, false, PageRequest.First(10));
        Assert.Equal(texts.Select(t => t.ToJson()), history.Items.Select(e => e.Json));
    }

    [Fact]
    public async Task A_payload_repeated_far_back_in_its_step_reads_back_exactly()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        var execution = Execution("m", "far");
        // Twelve payloads, then the first again: further back than the writer looks for a part to refer to.
        var payloads = Enumerable.Range(0, 12).Select(i => new string((char)('a' + i), 300)).ToList();
        var texts = payloads.Append(payloads[0]).Select((p, i) => new SharingEventText(i + 1, p, payloads[11 - (i % 12)])).ToList();
        var events = texts.Select((t, i) => new StoredEvent(i + 1, "TaskStateEntered", At(i + 1), t)).ToList();

        await store.Executions.CreateAsync(execution, FirstStep(execution) with { Events = events });

        var history = await store.Executions.GetHistoryAsync(execution.ExecutionArn, false, PageRequest.First(20));
        Assert.Equal(texts.Select(t => t.ToJson()), history.Items.Select(e => e.Json));
    }

    [Fact]
    public async Task Steps_stored_as_compressed_lines_by_schema_5_to_7_read_back_exactly()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        var arn = ExecutionArn("m", "old");
        // The body migrations 5 to 7 wrote: per event "id,ticks,type,length\n" and its JSON, compressed with Brotli.
        string json = """{"input":"Zoë, ☃ 𝄞"}""";
        byte[] plain = System.Text.Encoding.UTF8.GetBytes(
            $"1,{At(1).UtcTicks},ExecutionStarted,{System.Text.Encoding.UTF8.GetByteCount(json)}\n{json}2,{At(2).UtcTicks},PassStateEntered,2\n{{}}");
        byte[] compressed = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(plain, compressed, out int written, 0, 22));
        InsertStep(arn, 2, SqliteHistoryStep.Brotli, plain.Length, compressed[..written]);

        var history = await store.Executions.GetHistoryAsync(arn, false, PageRequest.First(10));

        Assert.Equal([new StoredEvent(1, "ExecutionStarted", At(1), json), new StoredEvent(2, "PassStateEntered", At(2), "{}")], history.Items);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 1, 2 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public async Task A_corrupt_shared_step_body_is_a_storage_error(byte[] body)
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        var arn = ExecutionArn("m", "corrupt");
        InsertStep(arn, 1, SqliteHistoryStep.Shared, body.Length, body);

        var error = await Assert.ThrowsAsync<StorageException>(async () => await store.Executions.GetHistoryAsync(arn, false, PageRequest.First(10)));

        Assert.Equal("A stored history step is corrupt.", error.Message);
    }

    [Fact]
    public async Task A_version_6_database_keeps_its_executions_and_gains_map_runs_on_upgrade()
    {
        var execution = Execution("m", "before");
        await using (var old = NewStore())
        {
            old.Migrations = [.. SqliteSchema.Migrations.Take(6)];
            await old.InitializeAsync();
        }

        // This build's code writes columns a version-6 database lacks, so the old row is written as version 6 wrote it.
        Execute($$"""
            INSERT INTO executions (arn, state_machine_arn, name, status, start_date, input, last_event_id, redrive_count)
            VALUES ('{{execution.ExecutionArn}}', '{{execution.StateMachineArn}}', 'before', 'RUNNING', {{T0.UtcTicks}}, '{"n":1}', 2, 0);
            """);

        await using var upgraded = NewStore();
        await upgraded.InitializeAsync();
        var run = MapRun("m", "before", "run");
        await upgraded.MapRuns.CreateAsync(run);
        await upgraded.MapRuns.UpdateAsync(run, [Result(0, "SUCCEEDED")]);
        var child = Execution("m/Map", "child", At(1)) with { MapRunArn = run.MapRunArn };
        await upgraded.Executions.CreateAsync(child, FirstStep(child));

        Assert.Equal(SqliteSchema.CurrentVersion, upgraded.ReadSchemaVersion());
        Assert.Equal(execution with { LastEventId = 2 }, await upgraded.Executions.GetAsync(execution.ExecutionArn));
        Assert.Equal(run, await upgraded.MapRuns.GetAsync(run.MapRunArn));
        Assert.Equal([child.ExecutionArn], (await upgraded.Executions.ListByMapRunAsync(run.MapRunArn, null, null, PageRequest.First(10))).Items.Select(e => e.ExecutionArn));
    }

    [Fact]
    public async Task A_version_7_database_keeps_its_executions_in_order_and_new_ones_follow_without_autoincrement()
    {
        await using (var old = NewStore())
        {
            old.Migrations = [.. SqliteSchema.Migrations.Take(7)];
            await old.InitializeAsync();
            for (var i = 0; i < 3; i++)
            {
                var execution = Execution("m", "old" + i, At(i));
                await old.Executions.CreateAsync(execution, FirstStep(execution));
            }
        }

        await using var upgraded = NewStore();
        await upgraded.InitializeAsync();
        var fresh = Execution("m", "new", At(3));
        await upgraded.Executions.CreateAsync(fresh, FirstStep(fresh));

        Assert.Equal(SqliteSchema.CurrentVersion, upgraded.ReadSchemaVersion());
        Assert.Equal(["old0", "old1", "old2", "new"], Query("SELECT name FROM executions ORDER BY seq"));
        var first = await upgraded.Executions.ListAsync(MachineArn("m"), null, null, PageRequest.First(2));
        var second = await upgraded.Executions.ListAsync(MachineArn("m"), null, null, new PageRequest(2, first.NextToken));
        Assert.Equal(["new", "old2", "old1", "old0"], first.Items.Concat(second.Items).Select(e => e.Name));
        Assert.Equal(Events(1, 2), (await upgraded.Executions.GetHistoryAsync(ExecutionArn("m", "old0"), false, PageRequest.First(10))).Items);
        // A new execution no longer rewrites sqlite_sequence.
        Assert.Empty(Query("SELECT seq FROM sqlite_sequence WHERE name = 'executions'"));
        Assert.DoesNotContain("AUTOINCREMENT", (string)Query("SELECT sql FROM sqlite_schema WHERE name = 'executions'")[0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_stores_opening_the_same_new_file_at_once_migrate_it_once()
    {
        await using var a = NewStore();
        await using var b = NewStore();

        await Task.WhenAll(Task.Run(() => a.InitializeAsync().AsTask()), Task.Run(() => b.InitializeAsync().AsTask()));

        Assert.Equal(SqliteSchema.CurrentVersion, a.ReadSchemaVersion());
        await a.StateMachines.CreateAsync(Machine("m"));
        Assert.NotNull(await b.StateMachines.GetAsync(MachineArn("m")));
    }

    [Fact]
    public async Task A_database_newer_than_this_build_is_refused()
    {
        await using (var store = NewStore())
        {
            await store.InitializeAsync();
        }

        Execute($"PRAGMA user_version = {SqliteSchema.CurrentVersion + 1}");
        await using var newer = NewStore();

        var error = await Assert.ThrowsAsync<StorageException>(() => newer.InitializeAsync().AsTask());
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_fails_with_a_storage_exception()
    {
        Directory.CreateDirectory(_database.Folder);
        await File.WriteAllTextAsync(_database.DatabasePath, new string('x', 4096));
        await using var store = NewStore();

        var error = await Assert.ThrowsAsync<StorageException>(() => store.InitializeAsync().AsTask());

        Assert.IsType<SqliteException>(error.InnerException);
        Assert.Contains("not a database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commits_queued_from_many_threads_share_one_transaction()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        const int executions = 24;
        for (var i = 0; i < executions; i++)
        {
            var execution = Execution("m", "e" + i);
            await store.Executions.CreateAsync(execution, FirstStep(execution, 1));
        }

        var transactionsBefore = store.CommittedTransactions;
        var writesBefore = store.CommittedWrites;
        store.Writer.Pause();
        var commits = new Task<StepCommitResult>[executions];
        for (var i = 0; i < executions; i++)
        {
            var arn = ExecutionArn("m", "e" + i);
            commits[i] = Task.Run(async () => await store.Executions.CommitAsync(new StepCommit
            {
                ExecutionArn = arn,
                ExpectedLastEventId = 1,
                Events = Events(2, 3),
                Snapshot = "after",
            }));
        }

        // The writer holds while every commit queues (no clock involved: we wait for the queue to fill).
        while (store.Writer.Queued < executions)
        {
            await Task.Yield();
        }

        store.Writer.Resume();
        var results = await Task.WhenAll(commits);

        Assert.All(results, last => Assert.Equal(4, last.LastEventId));
        Assert.Equal(transactionsBefore + 1, store.CommittedTransactions);
        Assert.Equal(writesBefore + executions, store.CommittedWrites);
    }

    [Fact]
    public async Task A_batch_is_split_at_the_transaction_limit()
    {
        await using var store = NewStore(maxWritesPerTransaction: 4);
        await store.InitializeAsync();
        var transactionsBefore = store.CommittedTransactions;
        store.Writer.Pause();
        var enqueues = new Task<bool>[10];
        for (var i = 0; i < enqueues.Length; i++)
        {
            enqueues[i] = store.Work.EnqueueAsync(Item("w" + i)).AsTask();
        }

        store.Writer.Resume();
        await Task.WhenAll(enqueues);

        Assert.Equal(transactionsBefore + 3, store.CommittedTransactions);
    }

    [Fact]
    public async Task A_failing_write_in_a_batch_does_not_undo_its_neighbours()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        var e1 = Execution("m", "e1");
        var e2 = Execution("m", "e2");
        await store.Executions.CreateAsync(e1, FirstStep(e1, 1));
        await store.Executions.CreateAsync(e2, FirstStep(e2, 1));
        var transactionsBefore = store.CommittedTransactions;
        store.Writer.Pause();

        var good = store.Executions.CommitAsync(new StepCommit { ExecutionArn = e1.ExecutionArn, ExpectedLastEventId = 1, Events = Events(2, 1) }).AsTask();
        var stale = store.Executions.CommitAsync(new StepCommit { ExecutionArn = e2.ExecutionArn, ExpectedLastEventId = 5, Events = Events(6, 1) }).AsTask();
        var alsoGood = store.Work.EnqueueAsync(Item("w")).AsTask();
        store.Writer.Resume();

        Assert.Equal(2, (await good).LastEventId);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale);
        Assert.True(await alsoGood);
        Assert.Equal(transactionsBefore + 1, store.CommittedTransactions);
        Assert.Equal(1, (await store.Executions.GetAsync(e2.ExecutionArn))!.LastEventId);
    }

    [Fact]
    public async Task A_database_locked_by_another_process_fails_writes_with_a_storage_exception_and_recovers()
    {
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = _database.DatabasePath, BusyTimeout = TimeSpan.FromMilliseconds(1) });
        await store.InitializeAsync();
        StorageException error;
        using (var other = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False"))
        {
            other.Open();
            using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();

            error = await Assert.ThrowsAsync<StorageException>(() => store.StateMachines.CreateAsync(Machine("m")).AsTask());
        }

        Assert.IsType<SqliteException>(error.InnerException);
        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        await store.StateMachines.CreateAsync(Machine("m"));
        Assert.NotNull(await store.StateMachines.GetAsync(MachineArn("m")));
    }

    [Fact]
    public async Task Using_the_store_before_initializing_it_is_a_caller_error()
    {
        await using var store = NewStore();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StateMachines.GetAsync(MachineArn("m")).AsTask());
    }

    private string JournalMode() => (string)Query("PRAGMA journal_mode")[0]!;

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Stores a step of events 1 to <paramref name="lastId"/> as an older or a corrupt writer would have.</summary>
    private void InsertStep(string executionArn, long lastId, int encoding, int size, byte[] body)
    {
        using var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO history_steps (execution_arn, first_id, last_id, encoding, size, body) VALUES ($a, 1, $l, $e, $s, $b)";
        command.Parameters.AddWithValue("$a", executionArn);
        command.Parameters.AddWithValue("$l", lastId);
        command.Parameters.AddWithValue("$e", encoding);
        command.Parameters.AddWithValue("$s", size);
        command.Parameters.AddWithValue("$b", body);
        command.ExecuteNonQuery();
    }

    private List<object?> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }
}
