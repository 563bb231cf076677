using Microsoft.Data.Sqlite;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// A connection that keeps every statement it has run prepared (<see cref="SqliteStatement"/>): the writer and the
/// pooled readers run the same handful of statements over and over, and preparing one anew (parse, plan, finalize)
/// costs more than running it. SQLite re-prepares a statement by itself when the schema changed under it, so a cached
/// one never goes stale.
/// </summary>
internal sealed class SqlitePreparedConnection(string connectionString) : SqliteConnection(connectionString)
{
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    /// <summary>How many statements this connection keeps prepared.</summary>
    internal int PreparedCount => _statements.Count;

    /// <summary>
    /// How many of its statements' rows are open (counted by <see cref="SqliteRows"/>): a statement not yet reset holds a
    /// read of the database, so a connection is pooled for the next read only when this is zero.
    /// </summary>
    internal int OpenRows { get; set; }

    /// <summary>The prepared statement for <paramref name="sql"/> (one SQL statement), prepared on first use.</summary>
    /// <exception cref="SqliteException">SQLite refused the statement.</exception>
    public SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = SqliteStatement.Prepare(this, sql);
            _statements[sql] = statement;
        }

        return statement;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Finalized before the connection closes, or SQLite would keep the database open until they were.
            foreach (var statement in _statements.Values)
            {
                statement.Dispose();
            }

            _statements.Clear();
        }

        base.Dispose(disposing);
    }
}
