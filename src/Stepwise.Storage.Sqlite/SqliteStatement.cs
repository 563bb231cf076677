using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// A statement prepared once on its connection and run through SQLite's own API: a step commit or a start's reads run
/// the same statements over and over, and Microsoft.Data.Sqlite's command looks each parameter up by name (converting
/// the name to UTF-8) and builds a data reader at every run. Here the parameters' positions are looked up once.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private const int PreparePersistent = 0x01;
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly bool _readOnly;
    private readonly SqliteRows _rows;
    private int[]? _positions;

    private SqliteStatement(SqlitePreparedConnection connection, sqlite3 database, sqlite3_stmt statement)
    {
        _database = database;
        _statement = statement;
        _readOnly = raw.sqlite3_stmt_readonly(statement) != 0;
        _rows = new SqliteRows(connection, database, statement);
    }

    /// <summary>Prepares <paramref name="sql"/>, which must be one statement, on the open <paramref name="connection"/>.</summary>
    /// <exception cref="SqliteException">SQLite refused the statement.</exception>
    public static SqliteStatement Prepare(SqlitePreparedConnection connection, string sql)
    {
        var database = connection.Handle!;
        var rc = raw.sqlite3_prepare_v3(database, sql, PreparePersistent, out var statement, out string tail);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, database);
        }

        if (statement is null || statement.IsInvalid || !string.IsNullOrWhiteSpace(tail))
        {
            statement?.Dispose();
            throw new ArgumentException("A prepared statement runs exactly one SQL statement: " + sql, nameof(sql));
        }

        return new SqliteStatement(connection, database, statement);
    }

    /// <summary>
    /// Binds <paramref name="arguments"/> to <c>$p0</c>, <c>$p1</c>…, runs the statement to its end and resets it.
    /// Returns the rows it inserted, updated or deleted, and zero for a read-only statement (a query, or transaction
    /// control such as BEGIN or COMMIT). Any other statement that changes no rows itself, such as DDL or
    /// <c>PRAGMA x = y</c>, returns SQLite's count of the previous INSERT, UPDATE or DELETE on the connection: ignore it.
    /// </summary>
    /// <exception cref="SqliteException">SQLite failed the statement (a constraint, a busy database…).</exception>
    public int Execute(ReadOnlySpan<object?> arguments)
    {
        using var rows = Query(arguments);
        while (rows.Read())
        {
        }

        return _readOnly ? 0 : raw.sqlite3_changes(_database);
    }

    /// <summary>Binds <paramref name="arguments"/> to <c>$p0</c>, <c>$p1</c>… and returns the rows; dispose them when read.</summary>
    /// <exception cref="ArgumentException">
    /// The statement has a parameter no argument binds (one not named <c>$p</c><i>i</i> with <i>i</i> below the number of
    /// arguments), or an argument is of a type SQLite cannot store.
    /// </exception>
    public SqliteRows Query(ReadOnlySpan<object?> arguments)
    {
        var rows = _rows.Open();
        try
        {
            if (_positions is null || _positions.Length != arguments.Length)
            {
                _positions = Positions(arguments.Length);
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                if (_positions[i] > 0 && Bind(_positions[i], arguments[i]) is var rc && rc != raw.SQLITE_OK)
                {
                    SqliteException.ThrowExceptionForRC(rc, _database);
                }
            }
        }
        catch
        {
            rows.Dispose();
            throw;
        }

        return rows;
    }

    /// <summary>Finalizes the statement (the connection must not close before its statements are finalized).</summary>
    public void Dispose()
    {
        _rows.Dispose();
        _statement.Dispose();
    }

    private int[] Positions(int count)
    {
        var positions = new int[count];
        var bound = 0;
        for (var i = 0; i < count; i++)
        {
            // SQLite numbers parameters in order of first appearance, not by name: "$p3" may be the first one.
            positions[i] = raw.sqlite3_bind_parameter_index(_statement, "$p" + i.ToString(CultureInfo.InvariantCulture));
            if (positions[i] > 0)
            {
                bound++;
            }
        }

        // Distinct names have distinct positions, so every parameter is bound exactly when the count matches. One left
        // unbound would run as NULL where Microsoft.Data.Sqlite refused the command ("Must add values for the following
        // parameters"): a missing argument is a bug, not a NULL.
        var parameters = raw.sqlite3_bind_parameter_count(_statement);
        if (bound != parameters)
        {
            ThrowUnbound(positions, parameters);
        }

        return positions;
    }

    [DoesNotReturn]
    private void ThrowUnbound(int[] positions, int parameters)
    {
        var position = 1;
        while (position <= parameters && Array.IndexOf(positions, position) >= 0)
        {
            position++;
        }

        var name = raw.sqlite3_bind_parameter_name(_statement, position).utf8_to_string() ?? "?" + position.ToString(CultureInfo.InvariantCulture);
        var given = positions.Length switch
        {
            0 => "no arguments were given",
            1 => "one argument was given, bound to $p0",
            _ => $"{positions.Length} arguments were given, bound to $p0 to $p{positions.Length - 1}",
        };
        throw new ArgumentException($"The statement's parameter {name} has no argument: {given}.", "arguments");
    }

    private int Bind(int position, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, position),
        string text => BindText(position, text),
        long number => raw.sqlite3_bind_int64(_statement, position, number),
        int number => raw.sqlite3_bind_int64(_statement, position, number),
        bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, position, number),
        // A zero-length span would reach SQLite as a null pointer, which binds NULL rather than an empty blob.
        byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(_statement, position, 0),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be bound to an SQLite parameter.", nameof(value)),
    };

    private int BindText(int position, string text)
    {
        if (text.Length == 0)
        {
            // As with blobs: an empty span is a null pointer, and the text must stay empty, not become NULL.
            return raw.sqlite3_bind_text(_statement, position, text);
        }

        // SQLite copies the text (SQLITE_TRANSIENT), so a pooled buffer serves instead of a new array per value.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return raw.sqlite3_bind_text(_statement, position, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
