using Stepwise.Storage.TaskTokens;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteTaskTokenIndex(SqliteStore store) : ITaskTokenIndex
{
    public ValueTask<TaskTokenEntry?> FindAsync(string taskToken, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(taskToken, static (connection, token) =>
        {
            using var reader = Query(connection, "SELECT execution_arn, task_id, state_name, created_at FROM task_tokens WHERE token = $p0", token);
            return reader.Read() ? new TaskTokenEntry(token, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), Instant(reader, 3)) : null;
        }));
    }
}
