namespace Stepwise.Storage.Sqlite;

/// <summary>
/// One write waiting for the writer: it runs inside the writer's transaction (under its own savepoint) and its caller
/// learns the outcome only once that transaction is durable.
/// </summary>
internal abstract class SqliteWrite
{
    /// <summary>The exception that rolled this write back to its savepoint, if any.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Does the write's work on the writer connection; throwing rolls back this write only.</summary>
    public abstract void Run(SqlitePreparedConnection connection);

    /// <summary>Reports the outcome after the transaction committed: the result, or <see cref="Failure"/>.</summary>
    public abstract void Complete();

    /// <summary>Reports that the whole transaction failed, so this write did not happen either.</summary>
    public abstract void Fail(Exception exception);
}
