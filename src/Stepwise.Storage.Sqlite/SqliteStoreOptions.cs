namespace Stepwise.Storage.Sqlite;

/// <summary>Where and how the SQLite provider keeps its database.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; created with its folder when missing. Default <c>./.stepwise/stepwise.db</c> (DESIGN.md §7).</summary>
    public string Path { get; set; } = System.IO.Path.Combine(".stepwise", "stepwise.db");

    /// <summary>
    /// The most writes one transaction (so one fsync of the write-ahead log) carries; writes that queue while a
    /// transaction commits go together in the next one. Default 256.
    /// </summary>
    public int MaxWritesPerTransaction { get; set; } = 256;

    /// <summary>How long a statement waits for a lock held by another process before failing. Default 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
