using Stepwise.Storage;
using Stepwise.Storage.Tags;

namespace Stepwise.Hosting.Durable;

/// <summary>Tags of state machines and activities (TagResource, UntagResource, ListTagsForResource).</summary>
public sealed partial class DurableEngine
{
    /// <summary>Adds <paramref name="tags"/> to the state machine or activity, replacing the values of keys it has.</summary>
    /// <exception cref="ResourceNotFoundException">No state machine or activity has the ARN (versions and aliases are not tagged).</exception>
    public async Task TagResourceAsync(string resourceArn, IReadOnlyList<ResourceTag> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        await RequireTaggableAsync(resourceArn, cancellationToken).ConfigureAwait(false);
        await _store.Tags.AddAsync(resourceArn, tags, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the tags with <paramref name="keys"/> from the state machine or activity; unknown keys are ignored.</summary>
    /// <exception cref="ResourceNotFoundException">No state machine or activity has the ARN.</exception>
    public async Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await RequireTaggableAsync(resourceArn, cancellationToken).ConfigureAwait(false);
        await _store.Tags.RemoveAsync(resourceArn, keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tags of the state machine or activity, in the order their keys were first added.</summary>
    /// <exception cref="ResourceNotFoundException">No state machine or activity has the ARN.</exception>
    public async Task<IReadOnlyList<ResourceTag>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        await RequireTaggableAsync(resourceArn, cancellationToken).ConfigureAwait(false);
        return await _store.Tags.ListAsync(resourceArn, cancellationToken).ConfigureAwait(false);
    }

    private async Task RequireTaggableAsync(string resourceArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        if (await _store.StateMachines.GetAsync(resourceArn, cancellationToken).ConfigureAwait(false) is null
            && await _store.Activities.GetAsync(resourceArn, cancellationToken).ConfigureAwait(false) is null)
        {
            // AWS names neither kind here: "Resource not found: '<arn>'" (api/test_sfn_api_tagging__test_tag_state_machine_version).
            throw new ResourceNotFoundException(ResourceKinds.Resource, resourceArn);
        }
    }
}
