using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The rows of a running query, read straight from its prepared statement (one instance per statement, reused by each
/// of its runs). Disposing resets the statement, which ends its read of the database: keep it open no longer than the
/// rows are read, or the connection would pin an old snapshot and keep the write-ahead log from being checkpointed.
/// </summary>
internal sealed class SqliteRows(SqlitePreparedConnection connection, sqlite3 database, sqlite3_stmt statement) : IDisposable
{
    private bool _open;
    private bool _done;

    /// <summary>Moves to the next row; false once there is none.</summary>
    /// <exception cref="SqliteException">SQLite failed the query.</exception>
    public bool Read()
    {
        if (_done)
        {
            return false;
        }

        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        _done = true;
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, database);
        }

        return false;
    }

    public bool IsDBNull(int ordinal) => raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL;

    public long GetInt64(int ordinal) => raw.sqlite3_column_int64(statement, ordinal);

    public int GetInt32(int ordinal) => raw.sqlite3_column_int(statement, ordinal);

    public double GetDouble(int ordinal) => raw.sqlite3_column_double(statement, ordinal);

    public string GetString(int ordinal) => raw.sqlite3_column_text(statement, ordinal).utf8_to_string();

    public byte[] GetBlob(int ordinal) => raw.sqlite3_column_blob(statement, ordinal).ToArray();

    /// <summary>The column as SQLite stores it: a long, a double, a string, a byte array, or null.</summary>
    public object? GetValue(int ordinal) => raw.sqlite3_column_type(statement, ordinal) switch
    {
        raw.SQLITE_INTEGER => GetInt64(ordinal),
        raw.SQLITE_FLOAT => GetDouble(ordinal),
        raw.SQLITE_TEXT => GetString(ordinal),
        raw.SQLITE_BLOB => GetBlob(ordinal),
        _ => null,
    };

    /// <summary>Starts a run of the statement, whose parameters are bound.</summary>
    /// <exception cref="InvalidOperationException">The rows of the statement's previous run are still open.</exception>
    internal SqliteRows Open()
    {
        if (_open)
        {
            throw new InvalidOperationException("The rows of this statement's previous run are still being read: dispose them first.");
        }

        _open = true;
        _done = false;
        connection.OpenRows++;
        return this;
    }

    public void Dispose()
    {
        if (_open)
        {
            _open = false;
            connection.OpenRows--;
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }
}
