using Microsoft.Data.Sqlite;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>Statements that change rows, run through SQLite's own API with their parameter positions looked up once.</summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();
    private readonly SqlitePreparedConnection _connection;

    public SqliteStatementTests()
    {
        Directory.CreateDirectory(_database.Folder);
        _connection = new SqlitePreparedConnection($"Data Source={_database.DatabasePath};Pooling=False");
        _connection.Open();
        SqliteValues.Execute(_connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE, b BLOB, n INTEGER, x REAL)");
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    [Fact]
    public void Parameters_bind_by_name_whatever_order_the_statement_names_them_in()
    {
        SqliteValues.Execute(_connection, "INSERT INTO t (n, a, id) VALUES ($p2, $p1, $p0)", 7L, "seven", 70L);

        Assert.Equal([7L, "seven", 70L], Row("SELECT id, a, n FROM t", 3));
    }

    [Fact]
    public void Empty_text_and_an_empty_blob_stay_empty_and_null_stays_null()
    {
        SqliteValues.Execute(_connection, "INSERT INTO t (id, a, b, n) VALUES ($p0, $p1, $p2, $p3)", 1L, "", Array.Empty<byte>(), null);
        SqliteValues.Execute(_connection, "INSERT INTO t (id, a, b, n) VALUES ($p0, $p1, $p2, $p3)", 2L, null, null, DBNull.Value);

        Assert.Equal(["text", "blob", "null"], Row("SELECT typeof(a), typeof(b), typeof(n) FROM t WHERE id = 1", 3));
        Assert.Equal(["null", "null", "null"], Row("SELECT typeof(a), typeof(b), typeof(n) FROM t WHERE id = 2", 3));
    }

    [Fact]
    public void Every_supported_value_round_trips()
    {
        SqliteValues.Execute(_connection, "INSERT INTO t (id, a, b, n, x) VALUES ($p0, $p1, $p2, $p3, $p4)", 3, "naïve ✓", new byte[] { 1, 2, 3 }, true, 2.5);

        Assert.Equal([3L, "naïve ✓", new byte[] { 1, 2, 3 }, 1L, 2.5], Row("SELECT id, a, b, n, x FROM t", 5));
    }

    [Fact]
    public void Text_holding_a_nul_character_reads_back_whole()
    {
        SqliteValues.Execute(_connection, "INSERT INTO t (id, a) VALUES ($p0, $p1)", 1L, "before\0after");

        Assert.Equal(["before\0after"], Row("SELECT a FROM t", 1));
    }

    [Fact]
    public void The_count_is_the_rows_changed_and_zero_for_a_statement_that_changes_none()
    {
        SqliteValues.Execute(_connection, "INSERT INTO t (id) VALUES ($p0)", 1L);
        SqliteValues.Execute(_connection, "INSERT INTO t (id) VALUES ($p0)", 2L);

        Assert.Equal(2, SqliteValues.Execute(_connection, "UPDATE t SET n = $p0", 5L));
        Assert.Equal(0, SqliteValues.Execute(_connection, "BEGIN"));
        Assert.Equal(0, SqliteValues.Execute(_connection, "DELETE FROM t WHERE id = $p0", 9L));
        Assert.Equal(0, SqliteValues.Execute(_connection, "COMMIT"));
    }

    [Fact]
    public void A_failed_run_throws_sqlite_s_error_and_the_statement_runs_again_afterwards()
    {
        const string insert = "INSERT INTO t (id, a) VALUES ($p0, $p1)";
        SqliteValues.Execute(_connection, insert, 1L, "first");
        var prepared = _connection.PreparedCount;

        var error = Assert.Throws<SqliteException>(() => SqliteValues.Execute(_connection, insert, 2L, "first"));

        Assert.True(SqliteErrors.IsUniqueViolation(error), error.Message);
        Assert.Equal(1, SqliteValues.Execute(_connection, insert, 3L, "second"));
        Assert.Equal(prepared, _connection.PreparedCount);
        Assert.Equal([2L], Row("SELECT count(*) FROM t", 1));
    }

    [Fact]
    public void A_query_run_again_while_its_rows_are_open_is_refused_and_runs_once_they_are_disposed()
    {
        SqliteValues.Execute(_connection, "INSERT INTO t (id) VALUES ($p0)", 1L);
        const string select = "SELECT id FROM t WHERE id >= $p0";

        using (var rows = SqliteValues.Query(_connection, select, 0L))
        {
            Assert.True(rows.Read());
            Assert.Throws<InvalidOperationException>(() => SqliteValues.Query(_connection, select, 0L));
            Assert.False(rows.Read());
            Assert.False(rows.Read());
        }

        Assert.Equal(1L, SqliteValues.Scalar(_connection, select, 0L));
        Assert.Null(SqliteValues.Scalar(_connection, select, 2L));
    }

    [Fact]
    public void Text_holding_two_statements_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SqliteValues.Execute(_connection, "DELETE FROM t; DELETE FROM t"));
    }

    [Theory]
    [InlineData("INSERT INTO t (id, a) VALUES ($p0, $p1)", 1, "$p1")]
    [InlineData("INSERT INTO t (id, a) VALUES ($p1, $p0)", 1, "$p1")]
    [InlineData("INSERT INTO t (id) VALUES ($p0)", 0, "$p0")]
    [InlineData("INSERT INTO t (id, a) VALUES ($p0, :p1)", 2, ":p1")]
    [InlineData("INSERT INTO t (id, a) VALUES ($p0, ?)", 2, "?2")]
    public void A_parameter_no_argument_binds_is_refused_instead_of_running_as_null(string sql, int arguments, string parameter)
    {
        var values = new object?[arguments];
        for (var i = 0; i < arguments; i++)
        {
            values[i] = (long)i + 1;
        }

        var error = Assert.Throws<ArgumentException>(() => SqliteValues.Execute(_connection, sql, values));
        Assert.Contains(parameter + " has no argument", error.Message, StringComparison.Ordinal);
        // Refused again on the next run too (the check is not skipped once the positions are cached), and nothing ran.
        Assert.Throws<ArgumentException>(() => SqliteValues.Execute(_connection, sql, values));
        Assert.Equal([0L], Row("SELECT count(*) FROM t", 1));
    }

    [Fact]
    public void A_parameter_named_twice_is_bound_once_and_an_extra_argument_binds_nothing()
    {
        SqliteValues.Execute(_connection, "INSERT INTO t (id, n) VALUES ($p0, $p0 + $p1)", 4L, 1L, "unused");

        Assert.Equal([4L, 5L], Row("SELECT id, n FROM t", 2));
    }

    [Fact]
    public void A_value_sqlite_cannot_store_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SqliteValues.Execute(_connection, "INSERT INTO t (a) VALUES ($p0)", TimeSpan.Zero));
    }

    /// <summary>The first row of <paramref name="sql"/>, which selects <paramref name="columns"/> columns.</summary>
    private object?[] Row(string sql, int columns)
    {
        using var rows = SqliteValues.Query(_connection, sql);
        Assert.True(rows.Read());
        var values = new object?[columns];
        for (var i = 0; i < columns; i++)
        {
            values[i] = rows.GetValue(i);
        }

        return values;
    }
}
