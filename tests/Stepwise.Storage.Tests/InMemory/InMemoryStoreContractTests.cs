using Stepwise.Storage.InMemory;
using Stepwise.Storage.Tests.Contract;

namespace Stepwise.Storage.Tests.InMemory;

/// <summary>The storage contract against the in-memory provider.</summary>
public sealed class InMemoryStoreContractTests : StoreContract
{
    protected override async Task<IStepwiseStore> CreateStoreAsync(Action<string>? commitStageHook)
    {
        var store = new InMemoryStore { CommitStageHook = commitStageHook };
        await store.InitializeAsync();
        return store;
    }
}
