using System.Runtime.CompilerServices;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.Paging;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteMapRunStore(SqliteStore store) : IMapRunStore
{
    /// <summary>
    /// Results read per query while streaming: each chunk is one short read transaction, so a long consumer neither
    /// holds a connection nor pins the write-ahead log, and memory holds one chunk at a time.
    /// </summary>
    internal const int ResultChunk = 1000;

    private const string RunColumns =
        "seq, arn, execution_arn, state_machine_arn, status, start_date, stop_date, max_concurrency, tolerated_failure_count, "
        + "tolerated_failure_percentage, item_counts, execution_counts, redrive_count, redrive_date, progress";

    public async ValueTask CreateAsync(MapRunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await store.WriteAsync(run, static (connection, run) =>
        {
            if (Scalar(connection, "SELECT 1 FROM map_runs WHERE arn = $p0", run.MapRunArn) is not null)
            {
                throw new ResourceAlreadyExistsException(ResourceKinds.MapRun, run.MapRunArn);
            }

            return Execute(connection,
                "INSERT INTO map_runs (arn, execution_arn, state_machine_arn, status, start_date, stop_date, max_concurrency, "
                + "tolerated_failure_count, tolerated_failure_percentage, item_counts, execution_counts, redrive_count, redrive_date, progress) "
                + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13)",
                run.MapRunArn, run.ExecutionArn, run.StateMachineArn, run.Status, ToStored(run.StartDate), ToDb(run.StopDate),
                run.MaxConcurrency, run.ToleratedFailureCount, run.ToleratedFailurePercentage, SqliteMapRunCounts.Write(run.ItemCounts),
                SqliteMapRunCounts.Write(run.ExecutionCounts), run.RedriveCount, ToDb(run.RedriveDate), run.Progress);
        }).ConfigureAwait(false);
    }

    public ValueTask<MapRunRecord?> GetAsync(string mapRunArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        return ValueTask.FromResult(store.Read(mapRunArn, static (connection, arn) =>
        {
            using var reader = Query(connection, $"SELECT {RunColumns} FROM map_runs WHERE arn = $p0", arn);
            return reader.Read() ? ReadRun(reader) : null;
        }));
    }

    public ValueTask<Page<MapRunRecord>> ListAsync(string executionArn, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        ArgumentOutOfRangeException.ThrowIfLessThan(page.MaxResults, 1);
        var after = PageTokens.Parse(page.NextToken) ?? 0;
        return ValueTask.FromResult(store.Read((executionArn, after, page.MaxResults), static (connection, request) =>
        {
            using var reader = Query(connection,
                $"SELECT {RunColumns} FROM map_runs WHERE execution_arn = $p0 AND seq > $p1 ORDER BY seq LIMIT $p2",
                request.executionArn, request.after, request.MaxResults + 1);
            return SqlitePaging.Read(reader, request.MaxResults, ReadRun, static r => r.GetInt64(0));
        }));
    }

    public async ValueTask UpdateAsync(MapRunRecord run, IReadOnlyList<MapRunChildResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(results);
        await store.WriteAsync((run, results), static (connection, request) =>
        {
            var (run, results) = request;
            if (Scalar(connection, "SELECT seq FROM map_runs WHERE arn = $p0", run.MapRunArn) is not long seq)
            {
                throw new ResourceNotFoundException(ResourceKinds.MapRun, run.MapRunArn);
            }

            Execute(connection,
                "UPDATE map_runs SET execution_arn = $p1, state_machine_arn = $p2, status = $p3, start_date = $p4, stop_date = $p5, "
                + "max_concurrency = $p6, tolerated_failure_count = $p7, tolerated_failure_percentage = $p8, item_counts = $p9, "
                + "execution_counts = $p10, redrive_count = $p11, redrive_date = $p12, progress = $p13 WHERE seq = $p0",
                seq, run.ExecutionArn, run.StateMachineArn, run.Status, ToStored(run.StartDate), ToDb(run.StopDate),
                run.MaxConcurrency, run.ToleratedFailureCount, run.ToleratedFailurePercentage, SqliteMapRunCounts.Write(run.ItemCounts),
                SqliteMapRunCounts.Write(run.ExecutionCounts), run.RedriveCount, ToDb(run.RedriveDate), run.Progress);

            // The writer connection keeps this statement prepared, so a batch of results costs one bind and step each.
            foreach (var result in results)
            {
                Execute(connection,
                    "INSERT INTO map_run_results (run_seq, idx, status, execution_arn, output, error, cause) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6) "
                    + "ON CONFLICT (run_seq, idx) DO UPDATE SET status = excluded.status, execution_arn = excluded.execution_arn, "
                    + "output = excluded.output, error = excluded.error, cause = excluded.cause",
                    seq, result.Index, result.Status, result.ExecutionArn, result.Output, result.Error, result.Cause);
            }

            return 0;
        }).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<MapRunChildResult> ReadResultsAsync(string mapRunArn,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        var after = long.MinValue;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = store.Read((mapRunArn, after), static (connection, request) =>
            {
                using var reader = Query(connection,
                    "SELECT idx, status, execution_arn, output, error, cause FROM map_run_results "
                    + "WHERE run_seq = (SELECT seq FROM map_runs WHERE arn = $p0) AND idx > $p1 ORDER BY idx LIMIT $p2",
                    request.mapRunArn, request.after, ResultChunk);
                var results = new List<MapRunChildResult>(ResultChunk);
                while (reader.Read())
                {
                    results.Add(new MapRunChildResult(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2),
                        NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5)));
                }

                return results;
            });
            foreach (var result in chunk)
            {
                yield return result;
            }

            if (chunk.Count < ResultChunk)
            {
                yield break;
            }

            after = chunk[^1].Index;

            // Each chunk is a synchronous read: yield the thread between chunks so a long stream does not hog it.
            await Task.Yield();
        }
    }

    private static MapRunRecord ReadRun(SqliteRows reader) => new()
    {
        MapRunArn = reader.GetString(1),
        ExecutionArn = reader.GetString(2),
        StateMachineArn = reader.GetString(3),
        Status = reader.GetString(4),
        StartDate = Instant(reader, 5),
        StopDate = NullableInstant(reader, 6),
        MaxConcurrency = reader.GetInt64(7),
        ToleratedFailureCount = reader.GetInt64(8),
        ToleratedFailurePercentage = reader.GetDouble(9),
        ItemCounts = SqliteMapRunCounts.Read(reader.GetString(10)),
        ExecutionCounts = SqliteMapRunCounts.Read(reader.GetString(11)),
        RedriveCount = reader.GetInt32(12),
        RedriveDate = NullableInstant(reader, 13),
        Progress = NullableString(reader, 14),
    };
}
