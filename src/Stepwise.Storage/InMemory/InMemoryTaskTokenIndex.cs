using Stepwise.Storage.TaskTokens;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryTaskTokenIndex(InMemoryStore store) : ITaskTokenIndex
{
    public ValueTask<TaskTokenEntry?> FindAsync(string taskToken, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.State.TaskTokens.TryGetValue(taskToken, out var entry) ? entry : null);
    }
}
