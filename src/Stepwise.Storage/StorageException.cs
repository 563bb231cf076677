namespace Stepwise.Storage;

/// <summary>
/// The base of every exception a store throws. Providers convert their driver's exceptions to these in one place, so
/// callers never see <c>SqliteException</c> or <c>NpgsqlException</c>.
/// </summary>
public class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around the provider's own.</summary>
    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
