using System.Globalization;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The schema as a list of migrations: migration <c>i</c> takes a database from version <c>i</c> to <c>i + 1</c>, and
/// <c>PRAGMA user_version</c> records the version reached. Append new migrations; never edit a published one, since
/// databases in the field ran it already.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The migrations of this build, oldest first.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: everything the ports need. Instants are UTC ticks; JSON members are text.
        """
        CREATE TABLE state_machines (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            definition TEXT NOT NULL,
            role_arn TEXT NOT NULL,
            creation_date INTEGER NOT NULL,
            revision_id TEXT NOT NULL,
            update_date INTEGER,
            description TEXT,
            logging_configuration TEXT,
            tracing_configuration TEXT);

        CREATE TABLE state_machine_versions (
            arn TEXT PRIMARY KEY,
            state_machine_arn TEXT NOT NULL,
            version INTEGER NOT NULL,
            definition TEXT NOT NULL,
            role_arn TEXT NOT NULL,
            type TEXT NOT NULL,
            revision_id TEXT NOT NULL,
            creation_date INTEGER NOT NULL,
            description TEXT);
        CREATE UNIQUE INDEX state_machine_versions_by_number ON state_machine_versions (state_machine_arn, version);

        -- The last number published per state machine, kept after deletions so numbers are never reused.
        CREATE TABLE state_machine_version_counters (
            state_machine_arn TEXT PRIMARY KEY,
            last_version INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE executions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            state_machine_arn TEXT NOT NULL,
            name TEXT NOT NULL,
            version_arn TEXT,
            alias_arn TEXT,
            status TEXT NOT NULL,
            start_date INTEGER NOT NULL,
            stop_date INTEGER,
            input TEXT NOT NULL,
            output TEXT,
            error TEXT,
            cause TEXT,
            trace_header TEXT,
            last_event_id INTEGER NOT NULL,
            snapshot TEXT);
        CREATE INDEX executions_by_state_machine ON executions (state_machine_arn, seq);
        CREATE INDEX executions_by_version ON executions (version_arn, seq) WHERE version_arn IS NOT NULL;
        CREATE INDEX executions_by_alias ON executions (alias_arn, seq) WHERE alias_arn IS NOT NULL;

        CREATE TABLE history_events (
            execution_arn TEXT NOT NULL,
            id INTEGER NOT NULL,
            type TEXT NOT NULL,
            timestamp INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (execution_arn, id)) WITHOUT ROWID;

        CREATE TABLE work_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            execution_arn TEXT,
            payload TEXT NOT NULL,
            available_at INTEGER NOT NULL,
            delivery INTEGER NOT NULL,
            owner TEXT,
            lease_expires_at INTEGER);
        CREATE INDEX work_items_by_available_at ON work_items (available_at);

        CREATE TABLE timers (
            execution_arn TEXT NOT NULL,
            timer_id INTEGER NOT NULL,
            due_time INTEGER NOT NULL,
            payload TEXT,
            leased_until INTEGER,
            PRIMARY KEY (execution_arn, timer_id)) WITHOUT ROWID;
        CREATE INDEX timers_by_due_time ON timers (due_time, execution_arn, timer_id);

        CREATE TABLE task_tokens (
            token TEXT PRIMARY KEY,
            execution_arn TEXT NOT NULL,
            task_id INTEGER NOT NULL,
            state_name TEXT NOT NULL,
            created_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX task_tokens_by_execution ON task_tokens (execution_arn);

        CREATE TABLE activities (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            creation_date INTEGER NOT NULL);

        CREATE TABLE activity_tasks (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            token TEXT NOT NULL UNIQUE,
            activity_arn TEXT NOT NULL,
            input TEXT NOT NULL,
            execution_arn TEXT NOT NULL,
            scheduled_at INTEGER NOT NULL);
        CREATE INDEX activity_tasks_by_activity ON activity_tasks (activity_arn, seq);
        CREATE INDEX activity_tasks_by_execution ON activity_tasks (execution_arn);
        """,

        // 2: state machine aliases; the routing configuration is a JSON array of {stateMachineVersionArn, weight}.
        """
        CREATE TABLE state_machine_aliases (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            state_machine_arn TEXT NOT NULL,
            name TEXT NOT NULL,
            routing_configuration TEXT NOT NULL,
            creation_date INTEGER NOT NULL,
            update_date INTEGER,
            description TEXT);
        CREATE INDEX state_machine_aliases_by_state_machine ON state_machine_aliases (state_machine_arn, seq);
        """,

        // 3: redrive (DescribeExecution's redriveCount, redriveDate, redriveStatus, redriveStatusReason).
        """
        ALTER TABLE executions ADD COLUMN redrive_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE executions ADD COLUMN redrive_date INTEGER;
        ALTER TABLE executions ADD COLUMN redrive_status TEXT;
        ALTER TABLE executions ADD COLUMN redrive_status_reason TEXT;
        """,

        // 4: tags of state machines and activities; seq keeps the order keys were first added.
        """
        CREATE TABLE resource_tags (
            resource_arn TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (resource_arn, key)) WITHOUT ROWID;
        """,

        // 5: one history row per step instead of one per event (see SqliteHistoryStep for the body's format): a step
        // inserts one row and, compressed, writes a fraction of the bytes. Each old event becomes a one-event plain row.
        // A rowid table, as its rows are large (SQLite advises WITHOUT ROWID only for rows under ~1/20 of a page).
        """
        CREATE TABLE history_steps (
            execution_arn TEXT NOT NULL,
            first_id INTEGER NOT NULL,
            last_id INTEGER NOT NULL,
            encoding INTEGER NOT NULL,
            size INTEGER NOT NULL,
            body BLOB NOT NULL,
            PRIMARY KEY (execution_arn, first_id));
        INSERT INTO history_steps (execution_arn, first_id, last_id, encoding, size, body)
            SELECT execution_arn, id, id, 0, length(body), body FROM (
                SELECT execution_arn, id,
                    CAST(id || ',' || timestamp || ',' || type || ',' || length(CAST(json AS BLOB)) || char(10) || json AS BLOB) AS body
                FROM history_events);
        DROP TABLE history_events;
        """,

        // 6: an activity task handed to a worker stays queued under a claim until the commit recording its
        // ActivityStarted removes it (UTC ticks; 0 = unclaimed).
        """
        ALTER TABLE activity_tasks ADD COLUMN claimed_until INTEGER NOT NULL DEFAULT 0;
        """,

        // 7: Map Runs of distributed Map states, their children's results, and each child execution's Map Run.
        // Counts are SqliteMapRunCounts text (no query reads them one by one). Results are keyed by the run's seq, not
        // its ARN, so that a run of a million children stores a million small keys; a rowid table, as outputs may be large.
        """
        CREATE TABLE map_runs (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            execution_arn TEXT NOT NULL,
            state_machine_arn TEXT NOT NULL,
            status TEXT NOT NULL,
            start_date INTEGER NOT NULL,
            stop_date INTEGER,
            max_concurrency INTEGER NOT NULL,
            tolerated_failure_count INTEGER NOT NULL,
            tolerated_failure_percentage REAL NOT NULL,
            item_counts TEXT NOT NULL,
            execution_counts TEXT NOT NULL,
            redrive_count INTEGER NOT NULL,
            redrive_date INTEGER,
            progress TEXT);
        CREATE INDEX map_runs_by_execution ON map_runs (execution_arn, seq);

        CREATE TABLE map_run_results (
            run_seq INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            status TEXT NOT NULL,
            execution_arn TEXT,
            output TEXT,
            error TEXT,
            cause TEXT,
            PRIMARY KEY (run_seq, idx));

        ALTER TABLE executions ADD COLUMN map_run_arn TEXT;
        CREATE INDEX executions_by_map_run ON executions (map_run_arn, seq) WHERE map_run_arn IS NOT NULL;
        """,

        // 8: executions without AUTOINCREMENT, which made every insert rewrite the sqlite_sequence page (one of the ~11
        // pages a task-chain execution's commit writes). seq stays strictly increasing without it: SQLite gives a new
        // row the largest seq plus one, and no execution is ever deleted, so no seq (which paging tokens hold) is reused.
        // SQLite cannot drop AUTOINCREMENT in place, so the table is copied, keeping every seq and the column order.
        """
        CREATE TABLE executions_v8 (
            seq INTEGER PRIMARY KEY,
            arn TEXT NOT NULL UNIQUE,
            state_machine_arn TEXT NOT NULL,
            name TEXT NOT NULL,
            version_arn TEXT,
            alias_arn TEXT,
            status TEXT NOT NULL,
            start_date INTEGER NOT NULL,
            stop_date INTEGER,
            input TEXT NOT NULL,
            output TEXT,
            error TEXT,
            cause TEXT,
            trace_header TEXT,
            last_event_id INTEGER NOT NULL,
            snapshot TEXT,
            redrive_count INTEGER NOT NULL DEFAULT 0,
            redrive_date INTEGER,
            redrive_status TEXT,
            redrive_status_reason TEXT,
            map_run_arn TEXT);
        INSERT INTO executions_v8 (seq, arn, state_machine_arn, name, version_arn, alias_arn, status, start_date, stop_date,
                input, output, error, cause, trace_header, last_event_id, snapshot, redrive_count, redrive_date,
                redrive_status, redrive_status_reason, map_run_arn)
            SELECT seq, arn, state_machine_arn, name, version_arn, alias_arn, status, start_date, stop_date,
                input, output, error, cause, trace_header, last_event_id, snapshot, redrive_count, redrive_date,
                redrive_status, redrive_status_reason, map_run_arn
            FROM executions;
        DROP TABLE executions;
        ALTER TABLE executions_v8 RENAME TO executions;
        CREATE INDEX executions_by_state_machine ON executions (state_machine_arn, seq);
        CREATE INDEX executions_by_version ON executions (version_arn, seq) WHERE version_arn IS NOT NULL;
        CREATE INDEX executions_by_alias ON executions (alias_arn, seq) WHERE alias_arn IS NOT NULL;
        CREATE INDEX executions_by_map_run ON executions (map_run_arn, seq) WHERE map_run_arn IS NOT NULL;
        DELETE FROM sqlite_sequence WHERE name = 'executions';
        """,
    ];

    /// <summary>The version this build's schema is at.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Reads <c>PRAGMA user_version</c>.</summary>
    public static int ReadVersion(SqlitePreparedConnection connection) =>
        Convert.ToInt32(SqliteValues.Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);

    /// <summary>
    /// Brings the database up to the last of <paramref name="migrations"/>, each in its own transaction with the
    /// version bump, so a crash between two leaves a database at a known version. The version is read inside the
    /// (immediate, so exclusive-for-writers) transaction: two processes opening the same new file migrate it once.
    /// Returns the version reached.
    /// </summary>
    /// <exception cref="StorageException">The database is newer than this build.</exception>
    public static int Migrate(SqlitePreparedConnection connection, IReadOnlyList<string> migrations)
    {
        while (true)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "PRAGMA user_version";
            var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (version > migrations.Count)
            {
                throw new StorageException(
                    $"The database is at schema version {version}, newer than this build's {migrations.Count}: upgrade Stepwise to open it.");
            }

            if (version == migrations.Count)
            {
                return version;
            }

            command.CommandText = migrations[version] + "\nPRAGMA user_version = " + (version + 1).ToString(CultureInfo.InvariantCulture) + ";";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
