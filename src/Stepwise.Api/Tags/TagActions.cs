using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;
using Stepwise.Storage.Tags;

namespace Stepwise.Api.Tags;

/// <summary>The tagging actions, on state machines and activities.</summary>
internal static class TagActions
{
    public static void Register(ApiCatalog catalog)
    {
        var json = TagJsonContext.Default;
        catalog.Add("TagResource", json.TagResourceRequest, json.TagResourceResponse, TagAsync);
        catalog.Add("UntagResource", json.UntagResourceRequest, json.UntagResourceResponse, UntagAsync);
        catalog.Add("ListTagsForResource", json.ListTagsForResourceRequest, json.ListTagsForResourceResponse, ListAsync);
    }

    private static async Task<TagResourceResponse> TagAsync(ApiContext context, TagResourceRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Parse(request.ResourceArn, "resourceArn");
        var tags = TagRules.Validate(Constraints.Required(request.Tags, "tags"), "tags");
        var existing = await context.Engine.ListTagsForResourceAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
        TagRules.CheckCount(CountAfter(existing, tags), arn.Arn);
        await context.Engine.TagResourceAsync(arn.Arn, tags, cancellationToken).ConfigureAwait(false);
        return new TagResourceResponse();
    }

    private static async Task<UntagResourceResponse> UntagAsync(ApiContext context, UntagResourceRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Parse(request.ResourceArn, "resourceArn");
        var keys = TagRules.ValidateKeys(request.TagKeys, "tagKeys");
        await context.Engine.UntagResourceAsync(arn.Arn, keys, cancellationToken).ConfigureAwait(false);
        return new UntagResourceResponse();
    }

    private static async Task<ListTagsForResourceResponse> ListAsync(ApiContext context, ListTagsForResourceRequest request,
        CancellationToken cancellationToken)
    {
        var arn = Arns.Parse(request.ResourceArn, "resourceArn");
        var tags = await context.Engine.ListTagsForResourceAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
        var items = new List<Tag>(tags.Count);
        foreach (var tag in tags)
        {
            items.Add(new Tag(tag.Key, tag.Value));
        }

        return new ListTagsForResourceResponse(items);
    }

    /// <summary>How many tags the resource has after adding <paramref name="added"/> (a key it has already is not counted twice).</summary>
    private static int CountAfter(IReadOnlyList<ResourceTag> existing, IReadOnlyList<ResourceTag> added)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in existing)
        {
            keys.Add(tag.Key);
        }

        foreach (var tag in added)
        {
            keys.Add(tag.Key);
        }

        return keys.Count;
    }
}
