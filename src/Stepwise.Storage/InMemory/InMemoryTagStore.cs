using System.Collections.Immutable;
using Stepwise.Storage.Tags;

namespace Stepwise.Storage.InMemory;

internal sealed class InMemoryTagStore(InMemoryStore store) : ITagStore
{
    public ValueTask<IReadOnlyList<ResourceTag>> ListAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        return ValueTask.FromResult<IReadOnlyList<ResourceTag>>(
            store.State.Tags.TryGetValue(resourceArn, out var tags) ? tags : []);
    }

    public ValueTask AddAsync(string resourceArn, IReadOnlyList<ResourceTag> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        ArgumentNullException.ThrowIfNull(tags);
        store.Write((resourceArn, tags), static (state, request) =>
        {
            var list = state.Tags.TryGetValue(request.resourceArn, out var existing) ? existing : [];
            foreach (var tag in request.tags)
            {
                int at = IndexOf(list, tag.Key);
                list = at >= 0 ? list.SetItem(at, tag) : list.Add(tag);
            }

            return (state with { Tags = state.Tags.SetItem(request.resourceArn, list) }, 0);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        ArgumentNullException.ThrowIfNull(keys);
        store.Write((resourceArn, keys), static (state, request) =>
        {
            if (!state.Tags.TryGetValue(request.resourceArn, out var list))
            {
                return (state, 0);
            }

            foreach (string key in request.keys)
            {
                int at = IndexOf(list, key);
                if (at >= 0)
                {
                    list = list.RemoveAt(at);
                }
            }

            return (state with { Tags = list.IsEmpty ? state.Tags.Remove(request.resourceArn) : state.Tags.SetItem(request.resourceArn, list) }, 0);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAllAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        store.Write(resourceArn, static (state, arn) => (state with { Tags = state.Tags.Remove(arn) }, 0));
        return ValueTask.CompletedTask;
    }

    private static int IndexOf(ImmutableList<ResourceTag> tags, string key)
    {
        for (int i = 0; i < tags.Count; i++)
        {
            if (string.Equals(tags[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
