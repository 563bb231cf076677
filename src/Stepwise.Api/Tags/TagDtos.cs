namespace Stepwise.Api.Tags;

/// <summary>The <c>TagResource</c> request.</summary>
public sealed record TagResourceRequest(string? ResourceArn = null, IReadOnlyList<Tag>? Tags = null);

/// <summary>The <c>TagResource</c> response (no members).</summary>
public sealed record TagResourceResponse;

/// <summary>The <c>UntagResource</c> request.</summary>
public sealed record UntagResourceRequest(string? ResourceArn = null, IReadOnlyList<string>? TagKeys = null);

/// <summary>The <c>UntagResource</c> response (no members).</summary>
public sealed record UntagResourceResponse;

/// <summary>The <c>ListTagsForResource</c> request.</summary>
public sealed record ListTagsForResourceRequest(string? ResourceArn = null);

/// <summary>The <c>ListTagsForResource</c> response.</summary>
public sealed record ListTagsForResourceResponse(IReadOnlyList<Tag> Tags);
