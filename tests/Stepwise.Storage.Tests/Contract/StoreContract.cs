using Stepwise.Storage.Executions;
using static Stepwise.Storage.Tests.Contract.StoreFixtures;

namespace Stepwise.Storage.Tests.Contract;

/// <summary>
/// The storage contract (DESIGN.md §4): every provider runs these tests through a subclass that says how to make a
/// fresh, initialized store. A provider passes when it behaves as the in-memory reference does.
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    private readonly List<IStepwiseStore> _stores = [];

    /// <summary>
    /// Makes a new empty store, initialized. <paramref name="commitStageHook"/> is called at each
    /// <see cref="CommitStages"/> point of a step commit and may throw to inject a fault.
    /// </summary>
    protected abstract Task<IStepwiseStore> CreateStoreAsync(Action<string>? commitStageHook);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<IStepwiseStore> NewStoreAsync(Action<string>? commitStageHook = null)
    {
        var store = await CreateStoreAsync(commitStageHook);
        _stores.Add(store);
        return store;
    }

    /// <summary>A store holding one state machine and one running execution with events 1 and 2.</summary>
    private async Task<(IStepwiseStore Store, ExecutionRecord Execution)> StoreWithExecutionAsync(Action<string>? commitStageHook = null)
    {
        var store = await NewStoreAsync(commitStageHook);
        await store.StateMachines.CreateAsync(Machine("m"));
        var execution = Execution("m", "e1");
        await store.Executions.CreateAsync(execution, FirstStep(execution));
        return (store, execution);
    }
}
