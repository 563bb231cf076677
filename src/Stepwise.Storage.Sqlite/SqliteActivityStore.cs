using Stepwise.Storage.Activities;
using Stepwise.Storage.Paging;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteActivityStore(SqliteStore store) : IActivityStore
{
    public ValueTask<ActivityRecord> CreateAsync(ActivityRecord activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return store.WriteAsync(activity, static (connection, activity) =>
        {
            Execute(connection, "INSERT INTO activities (arn, name, creation_date) VALUES ($p0, $p1, $p2) ON CONFLICT (arn) DO NOTHING",
                activity.ActivityArn, activity.Name, ToStored(activity.CreationDate));
            return Find(connection, activity.ActivityArn)!;
        });
    }

    public ValueTask<ActivityRecord?> GetAsync(string activityArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(activityArn, static (connection, arn) => Find(connection, arn)));
    }

    public ValueTask<Page<ActivityRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page.MaxResults, 1);
        var after = PageTokens.Parse(page.NextToken) ?? long.MinValue;
        return ValueTask.FromResult(store.Read((after, page.MaxResults), static (connection, request) =>
        {
            using var reader = Query(connection, "SELECT seq, arn, name, creation_date FROM activities WHERE seq > $p0 ORDER BY seq LIMIT $p1",
                request.after, request.MaxResults + 1);
            return SqlitePaging.Read(reader, request.MaxResults, static r => new ActivityRecord(r.GetString(1), r.GetString(2), Instant(r, 3)),
                static r => r.GetInt64(0));
        }));
    }

    public ValueTask<bool> DeleteAsync(string activityArn, CancellationToken cancellationToken = default)
    {
        return store.WriteAsync(activityArn, static (connection, arn) =>
        {
            if (Execute(connection, "DELETE FROM activities WHERE arn = $p0", arn) == 0)
            {
                return false;
            }

            Execute(connection, "DELETE FROM activity_tasks WHERE activity_arn = $p0", arn);
            return true;
        });
    }

    public async ValueTask EnqueueTaskAsync(ActivityTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        await store.WriteAsync(task, static (connection, task) =>
        {
            AddTask(connection, task);
            return 0;
        }).ConfigureAwait(false);
    }

    public ValueTask<ActivityTask?> ClaimTaskAsync(string activityArn, DateTimeOffset now, DateTimeOffset claimedUntil, CancellationToken cancellationToken = default)
    {
        return store.WriteAsync((activityArn, now, claimedUntil), static (connection, request) =>
        {
            ActivityTask? task = null;
            using (var reader = Query(connection,
                "SELECT token, input, execution_arn, scheduled_at FROM activity_tasks WHERE activity_arn = $p0 AND claimed_until <= $p1 ORDER BY seq LIMIT 1",
                request.activityArn, ToStored(request.now)))
            {
                if (reader.Read())
                {
                    task = new ActivityTask(request.activityArn, reader.GetString(0), reader.GetString(1), reader.GetString(2), Instant(reader, 3));
                }
            }

            if (task is not null)
            {
                Execute(connection, "UPDATE activity_tasks SET claimed_until = $p1 WHERE token = $p0", task.TaskToken, ToStored(request.claimedUntil));
            }

            return task;
        });
    }

    internal static void AddTask(SqlitePreparedConnection connection, ActivityTask task) =>
        Execute(connection,
            "INSERT INTO activity_tasks (token, activity_arn, input, execution_arn, scheduled_at) VALUES ($p0, $p1, $p2, $p3, $p4) "
            + "ON CONFLICT (token) DO NOTHING",
            task.TaskToken, task.ActivityArn, task.Input, task.ExecutionArn, ToStored(task.ScheduledAt));

    private static ActivityRecord? Find(SqlitePreparedConnection connection, string arn)
    {
        using var reader = Query(connection, "SELECT arn, name, creation_date FROM activities WHERE arn = $p0", arn);
        return reader.Read() ? new ActivityRecord(reader.GetString(0), reader.GetString(1), Instant(reader, 2)) : null;
    }
}
