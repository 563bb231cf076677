namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>A database path in a fresh temporary folder, deleted with the folder on dispose.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stepwise-storage-tests", Guid.NewGuid().ToString("N"));
        DatabasePath = System.IO.Path.Combine(Folder, "stepwise.db");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
