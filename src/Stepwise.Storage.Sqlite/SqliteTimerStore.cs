using Stepwise.Storage.Timers;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteTimerStore(SqliteStore store) : ITimerStore
{
    public ValueTask<IReadOnlyList<DurableTimer>> LeaseDueAsync(DateTimeOffset now, TimeSpan leaseDuration, int maxTimers,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTimers, 1);
        return store.WriteAsync((now: ToStored(now), until: ToStored(now + leaseDuration), maxTimers), static (connection, request) =>
        {
            var due = new List<DurableTimer>();
            using (var reader = Query(connection,
                "SELECT execution_arn, timer_id, due_time, payload FROM timers WHERE due_time <= $p0 AND (leased_until IS NULL OR leased_until <= $p0) "
                + "ORDER BY due_time, execution_arn, timer_id LIMIT $p1",
                request.now, request.maxTimers))
            {
                while (reader.Read())
                {
                    due.Add(ReadTimer(reader));
                }
            }

            foreach (var timer in due)
            {
                Execute(connection, "UPDATE timers SET leased_until = $p2 WHERE execution_arn = $p0 AND timer_id = $p1",
                    timer.ExecutionArn, timer.TimerId, request.until);
            }

            return (IReadOnlyList<DurableTimer>)due;
        });
    }

    public ValueTask<DateTimeOffset?> GetNextDueTimeAsync(CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(0, static (connection, _) =>
            Scalar(connection, "SELECT min(due_time) FROM timers") is long earliest ? FromStored(earliest) : (DateTimeOffset?)null));
    }

    public ValueTask<IReadOnlyList<DurableTimer>> ListAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(executionArn, static (connection, arn) =>
        {
            var timers = new List<DurableTimer>();
            using var reader = Query(connection,
                "SELECT execution_arn, timer_id, due_time, payload FROM timers WHERE execution_arn = $p0 ORDER BY due_time, timer_id", arn);
            while (reader.Read())
            {
                timers.Add(ReadTimer(reader));
            }

            return (IReadOnlyList<DurableTimer>)timers;
        }));
    }

    private static DurableTimer ReadTimer(SqliteRows reader) =>
        new(reader.GetString(0), reader.GetInt64(1), Instant(reader, 2), NullableString(reader, 3));
}
