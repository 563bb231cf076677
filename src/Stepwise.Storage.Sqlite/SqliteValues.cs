namespace Stepwise.Storage.Sqlite;

/// <summary>
/// Conversions between records and SQLite values. Instants are stored as UTC ticks (100 ns since 0001-01-01): integers
/// sort and compare in SQL, and the round trip is exact, as in the in-memory provider; they read back with offset zero.
/// </summary>
internal static class SqliteValues
{
    public static long ToStored(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset FromStored(long ticks) => new(ticks, TimeSpan.Zero);

    public static object ToDb(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    public static DateTimeOffset Instant(SqliteRows reader, int ordinal) => FromStored(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableInstant(SqliteRows reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromStored(reader.GetInt64(ordinal));

    public static string? NullableString(SqliteRows reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Runs a statement and returns the number of rows it changed.</summary>
    public static int Execute(SqlitePreparedConnection connection, string sql, params ReadOnlySpan<object?> arguments) =>
        connection.Statement(sql).Execute(arguments);

    /// <summary>Runs a query and returns the first column of its first row (a long, double, string or byte array), or null.</summary>
    public static object? Scalar(SqlitePreparedConnection connection, string sql, params ReadOnlySpan<object?> arguments)
    {
        using var rows = connection.Statement(sql).Query(arguments);
        return rows.Read() ? rows.GetValue(0) : null;
    }

    /// <summary>
    /// Runs a query and returns its rows. Dispose them before running the statement again: disposing resets the
    /// statement, which ends its read of the database (a statement left open would pin an old snapshot and keep the
    /// write-ahead log from being checkpointed).
    /// </summary>
    public static SqliteRows Query(SqlitePreparedConnection connection, string sql, params ReadOnlySpan<object?> arguments) =>
        connection.Statement(sql).Query(arguments);
}
