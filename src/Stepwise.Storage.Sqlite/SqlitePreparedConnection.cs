using Microsoft.Data.Sqlite;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// A connection that keeps every statement it has run prepared: the writer and the pooled readers run the same
/// handful of statements over and over, and preparing one anew (parse, plan, finalize) costs more than running it.
/// SQLite re-prepares a statement by itself when the schema changed under it, so a cached one never goes stale.
/// </summary>
internal sealed class SqlitePreparedConnection(string connectionString) : SqliteConnection(connectionString)
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _changes = new(StringComparer.Ordinal);

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, its parameters <c>$p0</c>… set to <paramref name="arguments"/>.
    /// It stays owned by this connection: run it, dispose the reader it returns, never dispose the command.
    /// </summary>
    public SqliteCommand Prepared(string sql, ReadOnlySpan<object?> arguments)
    {
        if (!_statements.TryGetValue(sql, out var command) || command.Parameters.Count != arguments.Length)
        {
            command?.Dispose();
            command = CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < arguments.Length; i++)
            {
                command.Parameters.AddWithValue(ParameterName(i), arguments[i] ?? DBNull.Value);
            }

            _statements[sql] = command;
            return command;
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            command.Parameters[i].Value = arguments[i] ?? DBNull.Value;
        }

        return command;
    }

    /// <summary>
    /// Runs <paramref name="sql"/>, one statement that returns no rows the caller reads, with <paramref name="arguments"/>
    /// as <c>$p0</c>…; returns the rows it changed. The statement stays prepared for the next call.
    /// </summary>
    public int Execute(string sql, ReadOnlySpan<object?> arguments)
    {
        if (!_changes.TryGetValue(sql, out var statement))
        {
            statement = SqliteStatement.Prepare(Handle!, sql);
            _changes[sql] = statement;
        }

        return statement.Execute(arguments);
    }

    /// <summary>How many statements this connection keeps prepared.</summary>
    internal int PreparedCount => _statements.Count + _changes.Count;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _statements.Values)
            {
                command.Dispose();
            }

            _statements.Clear();
            // Finalized before the connection closes, or SQLite would keep the database open until they were.
            foreach (var statement in _changes.Values)
            {
                statement.Dispose();
            }

            _changes.Clear();
        }

        base.Dispose(disposing);
    }

    private static string ParameterName(int index) => index switch
    {
        0 => "$p0",
        1 => "$p1",
        2 => "$p2",
        3 => "$p3",
        4 => "$p4",
        5 => "$p5",
        6 => "$p6",
        7 => "$p7",
        _ => "$p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
