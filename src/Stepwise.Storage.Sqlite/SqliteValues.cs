using Microsoft.Data.Sqlite;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// Conversions between records and SQLite values. Instants are stored as Unix milliseconds (integers sort and compare
/// in SQL; AWS reports milliseconds), read back with offset zero.
/// </summary>
internal static class SqliteValues
{
    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static object ToDb(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;

    public static object ToDb(string? value) => value is null ? DBNull.Value : value;

    public static DateTimeOffset Instant(SqliteDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableInstant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Makes a command on <paramref name="connection"/> with named parameters <c>$p0</c>, <c>$p1</c>… in order.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params ReadOnlySpan<object?> arguments)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < arguments.Length; i++)
        {
            command.Parameters.AddWithValue(ParameterName(i), arguments[i] ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement and returns the number of rows it changed.</summary>
    public static int Execute(SqliteConnection connection, string sql, params ReadOnlySpan<object?> arguments)
    {
        using var command = Command(connection, sql, arguments);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and returns the first column of its first row, or null.</summary>
    public static object? Scalar(SqliteConnection connection, string sql, params ReadOnlySpan<object?> arguments)
    {
        using var command = Command(connection, sql, arguments);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
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
