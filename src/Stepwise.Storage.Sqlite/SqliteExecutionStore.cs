using Microsoft.Data.Sqlite;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Work;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteExecutionStore(SqliteStore store) : IExecutionStore
{
    private const string ExecutionColumns =
        "seq, arn, state_machine_arn, name, version_arn, alias_arn, status, start_date, stop_date, input, output, error, cause, trace_header, last_event_id, "
        + "redrive_count, redrive_date, redrive_status, redrive_status_reason, map_run_arn";

    public async ValueTask<StepCommitResult> CreateAsync(ExecutionRecord execution, StepCommit firstStep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        StepCommitRules.Validate(firstStep);
        if (firstStep.ExpectedLastEventId != 0 || !string.Equals(firstStep.ExecutionArn, execution.ExecutionArn, StringComparison.Ordinal))
        {
            throw new ArgumentException("The first step of a new execution expects event 0 and names the same execution.", nameof(firstStep));
        }

        var history = EncodeHistory(firstStep);
        return await store.WriteAsync((store, execution, firstStep, history), static (connection, request) =>
        {
            var (owner, execution, firstStep, history) = request;
            // The row goes in as its first step leaves it: one row write instead of an insert and an update. The UNIQUE
            // arn column refuses a second execution of the same ARN.
            var row = firstStep.Completion?.ApplyTo(execution) ?? execution;
            try
            {
                Execute(connection,
                    "INSERT INTO executions (arn, state_machine_arn, name, version_arn, alias_arn, status, start_date, stop_date, input, output, "
                    + "error, cause, trace_header, last_event_id, redrive_count, redrive_date, redrive_status, redrive_status_reason, map_run_arn, snapshot) "
                    + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19)",
                    row.ExecutionArn, row.StateMachineArn, row.Name, row.StateMachineVersionArn, row.StateMachineAliasArn, row.Status,
                    ToStored(row.StartDate), ToDb(row.StopDate), row.Input, row.Output, row.Error, row.Cause, row.TraceHeader, firstStep.Events.Count,
                    row.RedriveCount, ToDb(row.RedriveDate), row.RedriveStatus, row.RedriveStatusReason, row.MapRunArn, firstStep.Snapshot);
            }
            catch (SqliteException e) when (SqliteErrors.IsUniqueViolation(e))
            {
                throw new ResourceAlreadyExistsException(ResourceKinds.Execution, execution.ExecutionArn);
            }

            return Apply(owner, connection, firstStep, history, created: true);
        }).ConfigureAwait(false);
    }

    public ValueTask<ExecutionRecord?> GetAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(executionArn, static (connection, arn) =>
        {
            using var reader = Query(connection, $"SELECT {ExecutionColumns} FROM executions WHERE arn = $p0", arn);
            return reader.Read() ? ReadExecution(reader) : null;
        }));
    }

    public ValueTask<StoredSnapshot?> GetSnapshotAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(executionArn, static (connection, arn) =>
        {
            using var reader = Query(connection, "SELECT last_event_id, snapshot FROM executions WHERE arn = $p0 AND snapshot IS NOT NULL", arn);
            return reader.Read() ? new StoredSnapshot(arn, reader.GetInt64(0), reader.GetString(1)) : null;
        }));
    }

    // A version or alias ARN lists the executions started through it (the unqualified ARN lists them all).
    public ValueTask<Page<ExecutionRecord>> ListAsync(string stateMachineArn, string? statusFilter, bool? redriven, PageRequest page,
        CancellationToken cancellationToken = default) =>
        List("(state_machine_arn = $p0 OR version_arn = $p0 OR alias_arn = $p0)", stateMachineArn, statusFilter, redriven, page);

    public ValueTask<Page<ExecutionRecord>> ListByMapRunAsync(string mapRunArn, string? statusFilter, bool? redriven, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        return List("map_run_arn = $p0", mapRunArn, statusFilter, redriven, page);
    }

    /// <summary>
    /// The executions <paramref name="listedBy"/> (an SQL condition on <c>$p0</c> = <paramref name="owner"/>) keeps that
    /// pass both filters, newest first: executions are created when they start, so creation order is start order.
    /// </summary>
    private ValueTask<Page<ExecutionRecord>> List(string listedBy, string owner, string? statusFilter, bool? redriven, PageRequest page)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page.MaxResults, 1);
        var before = PageTokens.Parse(page.NextToken) ?? long.MaxValue;
        return ValueTask.FromResult(store.Read((listedBy, owner, statusFilter, redriven, before, page.MaxResults), static (connection, request) =>
        {
            using var reader = Query(connection,
                $"SELECT {ExecutionColumns} FROM executions WHERE {request.listedBy} AND ($p1 IS NULL OR status = $p1) "
                + "AND ($p2 IS NULL OR (redrive_count > 0) = $p2) AND seq < $p3 ORDER BY seq DESC LIMIT $p4",
                request.owner, request.statusFilter, request.redriven, request.before, request.MaxResults + 1);
            return SqlitePaging.Read(reader, request.MaxResults, ReadExecution, static r => r.GetInt64(0));
        }));
    }

    public ValueTask<Page<StoredEvent>> GetHistoryAsync(string executionArn, bool reverseOrder, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page.MaxResults, 1);
        var position = PageTokens.Parse(page.NextToken);
        return ValueTask.FromResult(store.Read((executionArn, reverseOrder, position, page.MaxResults), static (connection, request) =>
        {
            // Steps hold consecutive runs of events: read the steps past the position, in order, until one more event
            // than the page holds is found (it only says a next page exists).
            using var reader = request.reverseOrder
                ? Query(connection,
                    "SELECT encoding, size, body FROM history_steps WHERE execution_arn = $p0 AND first_id < $p1 ORDER BY first_id DESC",
                    request.executionArn, request.position ?? long.MaxValue)
                : Query(connection,
                    "SELECT encoding, size, body FROM history_steps WHERE execution_arn = $p0 AND last_id > $p1 ORDER BY first_id",
                    request.executionArn, request.position ?? 0);
            var items = new List<StoredEvent>();
            var step = new List<StoredEvent>();
            while (items.Count <= request.MaxResults && reader.Read())
            {
                step.Clear();
                SqliteHistoryStep.Decode(reader.GetBlob(2), reader.GetInt32(1), reader.GetInt32(0), step);
                if (request.reverseOrder)
                {
                    for (int i = step.Count - 1; i >= 0 && items.Count <= request.MaxResults; i--)
                    {
                        if (request.position is not { } before || step[i].Id < before)
                        {
                            items.Add(step[i]);
                        }
                    }
                }
                else
                {
                    for (int i = 0; i < step.Count && items.Count <= request.MaxResults; i++)
                    {
                        if (step[i].Id > (request.position ?? 0))
                        {
                            items.Add(step[i]);
                        }
                    }
                }
            }

            if (items.Count <= request.MaxResults)
            {
                return new Page<StoredEvent>(items, null);
            }

            items.RemoveAt(items.Count - 1);
            return new Page<StoredEvent>(items, PageTokens.From(items[^1].Id));
        }));
    }

    public ValueTask<StepCommitResult> CommitAsync(StepCommit commit, CancellationToken cancellationToken = default)
    {
        StepCommitRules.Validate(commit);
        var history = EncodeHistory(commit);
        return store.WriteAsync((store, commit, history), static (connection, request) =>
            Apply(request.store, connection, request.commit, request.history, created: false));
    }

    /// <summary>
    /// The history row body of <paramref name="commit"/>, written on the committing thread rather than the writer's: the
    /// events' JSON is most of a step's writing, and the one writer thread serves every execution.
    /// </summary>
    private static (byte[] Body, int Size, int Encoding) EncodeHistory(StepCommit commit) =>
        commit.Events.Count > 0 ? SqliteHistoryStep.Encode(commit.Events) : default;

    /// <summary>
    /// Writes a validated commit inside the writer's transaction. Any throw rolls the whole commit back to its savepoint;
    /// the fault hook fires between the parts so tests can prove it. <paramref name="history"/> is the step's history
    /// row, encoded before the transaction. A commit that <paramref name="created"/> its execution found its row already
    /// written as the step leaves it.
    /// </summary>
    private static StepCommitResult Apply(SqliteStore owner, SqlitePreparedConnection connection, StepCommit commit, (byte[] Body, int Size, int Encoding) history,
        bool created)
    {
        var arn = commit.ExecutionArn;
        var lastEventId = commit.ExpectedLastEventId + commit.Events.Count;
        var completion = commit.Completion;
        if (!created)
        {
            UpdateRow(connection, commit, lastEventId);
        }

        if (commit.CompletesWork is { } lease && !SqliteWorkQueue.Complete(connection, lease))
        {
            throw new LeaseLostException(lease);
        }

        owner.OnCommitStage(CommitStages.Events);
        if (commit.Events.Count > 0)
        {
            Execute(connection, "INSERT INTO history_steps (execution_arn, first_id, last_id, encoding, size, body) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)",
                arn, commit.Events[0].Id, commit.Events[^1].Id, history.Encoding, history.Size, history.Body);
        }

        owner.OnCommitStage(CommitStages.Snapshot);
        foreach (var timerId in commit.TimersToCancel)
        {
            Execute(connection, "DELETE FROM timers WHERE execution_arn = $p0 AND timer_id = $p1", arn, timerId);
        }

        foreach (var timer in commit.TimersToStart)
        {
            Execute(connection,
                "INSERT INTO timers (execution_arn, timer_id, due_time, payload, leased_until) VALUES ($p0, $p1, $p2, $p3, NULL) "
                + "ON CONFLICT (execution_arn, timer_id) DO UPDATE SET due_time = excluded.due_time, payload = excluded.payload, leased_until = NULL",
                arn, timer.TimerId, ToStored(timer.DueTime), timer.Payload);
        }

        owner.OnCommitStage(CommitStages.Timers);
        var leased = new List<LeasedWorkItem>();
        foreach (var item in commit.WorkToEnqueue)
        {
            if (commit.LeaseWork is { } grant && leased.Count < grant.MaxItems)
            {
                if (SqliteWorkQueue.AddLeased(connection, item, grant) is { } id)
                {
                    leased.Add(new LeasedWorkItem(new WorkLease(id, grant.Owner, 1), item, grant.ExpiresAt));
                }
            }
            else
            {
                SqliteWorkQueue.Add(connection, item);
            }
        }

        owner.OnCommitStage(CommitStages.Work);
        foreach (var token in commit.TaskTokensToRemove)
        {
            Execute(connection, "DELETE FROM task_tokens WHERE token = $p0", token);
        }

        foreach (var token in commit.TaskTokensToAdd)
        {
            Execute(connection,
                "INSERT OR REPLACE INTO task_tokens (token, execution_arn, task_id, state_name, created_at) VALUES ($p0, $p1, $p2, $p3, $p4)",
                token.TaskToken, token.ExecutionArn, token.TaskId, token.StateName, ToStored(token.CreatedAt));
        }

        owner.OnCommitStage(CommitStages.TaskTokens);
        foreach (var token in commit.ActivityTasksToRemove)
        {
            Execute(connection, "DELETE FROM activity_tasks WHERE token = $p0", token);
        }

        foreach (var task in commit.ActivityTasksToEnqueue)
        {
            SqliteActivityStore.AddTask(connection, task);
        }

        if (completion is not null)
        {
            // A finished execution waits on nothing any more; one this commit created holds only what the commit added.
            if (!created || commit.TimersToStart.Count > 0)
            {
                Execute(connection, "DELETE FROM timers WHERE execution_arn = $p0", arn);
            }

            if (!created || commit.TaskTokensToAdd.Count > 0)
            {
                Execute(connection, "DELETE FROM task_tokens WHERE execution_arn = $p0", arn);
            }

            if (!created || commit.ActivityTasksToEnqueue.Count > 0)
            {
                Execute(connection, "DELETE FROM activity_tasks WHERE execution_arn = $p0", arn);
            }
        }

        owner.OnCommitStage(CommitStages.ActivityTasks);
        return new StepCommitResult(lastEventId, leased);
    }

    /// <summary>Moves the execution's row on to the commit, checking that it still is at the version the step was decided on.</summary>
    private static void UpdateRow(SqlitePreparedConnection connection, StepCommit commit, long lastEventId)
    {
        var arn = commit.ExecutionArn;
        var completion = commit.Completion;
        // The version check and the version bump are one statement, so no reader of last_event_id can slip between them.
        var updated = (completion, commit.Redrive) switch
        {
            // A redrive whose first step already ends the execution records both.
            ({ } c, var r) => Execute(connection,
                "UPDATE executions SET last_event_id = $p1, snapshot = coalesce($p2, snapshot), status = $p4, stop_date = $p5, output = $p6, "
                + "error = $p7, cause = $p8, redrive_status = $p9, redrive_status_reason = $p10, redrive_count = coalesce($p11, redrive_count), "
                + "redrive_date = coalesce($p12, redrive_date) WHERE arn = $p0 AND last_event_id = $p3",
                arn, lastEventId, commit.Snapshot, commit.ExpectedLastEventId, c.Status, ToStored(c.StopDate),
                c.Output, c.Error, c.Cause, c.RedriveStatus, c.RedriveStatusReason, r?.RedriveCount, ToDb(r?.RedriveDate)),
            (null, { } r) => Execute(connection,
                "UPDATE executions SET last_event_id = $p1, snapshot = coalesce($p2, snapshot), status = $p4, stop_date = NULL, output = NULL, "
                + "error = NULL, cause = NULL, redrive_count = $p5, redrive_date = $p6, redrive_status = $p7, redrive_status_reason = $p8 "
                + "WHERE arn = $p0 AND last_event_id = $p3",
                arn, lastEventId, commit.Snapshot, commit.ExpectedLastEventId, ExecutionStatuses.Running, r.RedriveCount, ToStored(r.RedriveDate),
                ExecutionRedriveStatuses.NotRedrivable, ExecutionRedriveStatuses.RunningReason),
            _ => Execute(connection,
                "UPDATE executions SET last_event_id = $p1, snapshot = coalesce($p2, snapshot) WHERE arn = $p0 AND last_event_id = $p3",
                arn, lastEventId, commit.Snapshot, commit.ExpectedLastEventId),
        };
        if (updated == 0)
        {
            var actual = Scalar(connection, "SELECT last_event_id FROM executions WHERE arn = $p0", arn);
            if (actual is null)
            {
                throw new ResourceNotFoundException(ResourceKinds.Execution, arn);
            }

            throw new ConcurrencyConflictException(arn, commit.ExpectedLastEventId, (long)actual);
        }
    }

    private static ExecutionRecord ReadExecution(SqliteRows reader) => new()
    {
        ExecutionArn = reader.GetString(1),
        StateMachineArn = reader.GetString(2),
        Name = reader.GetString(3),
        StateMachineVersionArn = NullableString(reader, 4),
        StateMachineAliasArn = NullableString(reader, 5),
        Status = reader.GetString(6),
        StartDate = Instant(reader, 7),
        StopDate = NullableInstant(reader, 8),
        Input = reader.GetString(9),
        Output = NullableString(reader, 10),
        Error = NullableString(reader, 11),
        Cause = NullableString(reader, 12),
        TraceHeader = NullableString(reader, 13),
        LastEventId = reader.GetInt64(14),
        RedriveCount = reader.GetInt32(15),
        RedriveDate = NullableInstant(reader, 16),
        RedriveStatus = NullableString(reader, 17),
        RedriveStatusReason = NullableString(reader, 18),
        MapRunArn = NullableString(reader, 19),
    };
}
