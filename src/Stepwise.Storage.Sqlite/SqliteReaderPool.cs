namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The store's reader connections. Each keeps its statements prepared, so a read costs a bind and a step instead of a
/// parse and plan; a read rents one, runs to the end on it (reads are synchronous and dispose their readers, so a
/// returned connection holds no snapshot of the database) and hands it back. WAL readers never block the writer and
/// see only committed transactions.
/// </summary>
/// <param name="connectionString">The database's connection string.</param>
/// <param name="openingSql">A statement each new connection runs once (the busy timeout).</param>
/// <param name="capacity">How many idle connections are kept.</param>
internal sealed class SqliteReaderPool(string connectionString, string openingSql, int capacity) : IDisposable
{
    private readonly Stack<SqlitePreparedConnection> _idle = new(capacity);
    private bool _disposed;

    /// <summary>Connections kept for reuse between reads; more may be open at once, and those are closed when returned.</summary>
    public int Capacity => capacity;

    /// <summary>Connections waiting for a read.</summary>
    public int Idle
    {
        get
        {
            lock (_idle)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>An idle connection, or a newly opened one when every kept connection is busy.</summary>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public SqlitePreparedConnection Rent()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteStore));
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }

        var connection = new SqlitePreparedConnection(connectionString);
        try
        {
            connection.Open();
            SqliteValues.Execute(connection, openingSql);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    /// <summary>
    /// Keeps <paramref name="connection"/> for the next read, or closes it if enough are kept, the pool is disposed, or a
    /// read left rows open on it (an open statement would hold its snapshot into the next read and stall checkpoints).
    /// </summary>
    public void Return(SqlitePreparedConnection connection)
    {
        lock (_idle)
        {
            if (!_disposed && _idle.Count < capacity && connection.OpenRows == 0)
            {
                _idle.Push(connection);
                return;
            }
        }

        connection.Dispose();
    }

    /// <summary>Closes the idle connections; one still out on a read is closed as it comes back.</summary>
    public void Dispose()
    {
        SqlitePreparedConnection[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = _idle.ToArray();
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            connection.Dispose();
        }
    }
}
