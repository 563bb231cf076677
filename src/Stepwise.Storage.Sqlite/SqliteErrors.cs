using Microsoft.Data.Sqlite;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The one place where SQLite's exceptions become Stepwise's (STYLE.md, Errors 3): callers of the store only ever see
/// <see cref="StorageException"/> and its subclasses, plus argument errors for their own bugs.
/// </summary>
internal static class SqliteErrors
{
    // Primary result codes from https://www.sqlite.org/rescode.html.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int Constraint = 19;
    private const int NotADatabase = 26;

    // Extended result code: a UNIQUE (or PRIMARY KEY) constraint refused a row.
    private const int ConstraintUnique = 2067;

    /// <summary>Whether <paramref name="exception"/> is a UNIQUE constraint refusing a row (a duplicate key).</summary>
    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == Constraint && exception.SqliteExtendedErrorCode == ConstraintUnique;

    /// <summary>Returns the exception to throw for <paramref name="exception"/>: SQLite's are translated, others pass through.</summary>
    public static Exception Map(Exception exception)
    {
        if (exception is not SqliteException sqlite)
        {
            return exception;
        }

        var message = sqlite.SqliteErrorCode switch
        {
            Busy or Locked => "The SQLite database is locked by another connection or process.",
            ReadOnly => "The SQLite database is read-only.",
            IoError => "The SQLite database could not be read or written (I/O error).",
            Corrupt or NotADatabase => "The SQLite file is corrupt or not a database.",
            Full => "The SQLite database is full (disk full or size limit reached).",
            CantOpen => "The SQLite database file could not be opened.",
            Constraint => "The SQLite database rejected a write that breaks a constraint.",
            _ => "The SQLite database failed.",
        };
        return new StorageException($"{message} ({sqlite.SqliteErrorCode}: {sqlite.Message})", sqlite);
    }
}
