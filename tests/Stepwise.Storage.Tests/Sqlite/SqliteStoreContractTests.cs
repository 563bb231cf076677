using Stepwise.Storage.Sqlite;
using Stepwise.Storage.Tests.Contract;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>The storage contract against the SQLite provider, one new database file per store.</summary>
public sealed class SqliteStoreContractTests : StoreContract, IDisposable
{
    private readonly List<TemporaryDatabase> _databases = [];

    protected override async Task<IStepwiseStore> CreateStoreAsync(Action<string>? commitStageHook)
    {
        var database = new TemporaryDatabase();
        _databases.Add(database);
        var store = new SqliteStore(new SqliteStoreOptions { Path = database.DatabasePath }) { CommitStageHook = commitStageHook };
        await store.InitializeAsync();
        return store;
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }
}
