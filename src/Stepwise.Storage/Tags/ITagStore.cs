namespace Stepwise.Storage.Tags;

/// <summary>
/// The tags of resources (state machines and activities), by resource ARN. The store does not check that the resource
/// exists: the caller does, and drops the tags with <see cref="RemoveAllAsync"/> when it deletes the resource.
/// </summary>
public interface ITagStore
{
    /// <summary>The resource's tags in the order their keys were first added; empty when it has none.</summary>
    ValueTask<IReadOnlyList<ResourceTag>> ListAsync(string resourceArn, CancellationToken cancellationToken = default);

    /// <summary>Adds the tags, replacing the value of a key the resource has already (it keeps its place).</summary>
    ValueTask AddAsync(string resourceArn, IReadOnlyList<ResourceTag> tags, CancellationToken cancellationToken = default);

    /// <summary>Removes the tags with these keys; keys the resource does not have are ignored.</summary>
    ValueTask RemoveAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Removes every tag of the resource.</summary>
    ValueTask RemoveAllAsync(string resourceArn, CancellationToken cancellationToken = default);
}
