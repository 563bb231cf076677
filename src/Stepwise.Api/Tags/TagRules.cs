using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;
using Stepwise.Storage.Tags;

namespace Stepwise.Api.Tags;

/// <summary>
/// AWS's tag limits (TagResource reference): keys of 1–128 characters, values of 0–256, at most 50 tags on a resource
/// (<c>TooManyTags</c>). Keys and values may hold letters, digits, white space and <c>_ . : / = + - @</c>.
/// </summary>
internal static class TagRules
{
    public const int MaxTagsPerResource = 50;
    private const int MaxKeyLength = 128;
    private const int MaxValueLength = 256;
    private const string Pattern = @"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$";

    /// <summary>The tags of a request member, checked; empty when the member is absent.</summary>
    public static IReadOnlyList<ResourceTag> Validate(IReadOnlyList<Tag>? tags, string member)
    {
        if (tags is null)
        {
            return [];
        }

        var checkedTags = new List<ResourceTag>(tags.Count);
        for (int i = 0; i < tags.Count; i++)
        {
            string key = Constraints.Required(tags[i].Key, $"{member}.{i + 1}.member.key");
            Constraints.Length(key, $"{member}.{i + 1}.member.key", 1, MaxKeyLength);
            CheckCharacters(key, $"{member}.{i + 1}.member.key");
            string value = tags[i].Value ?? string.Empty;
            Constraints.Length(value, $"{member}.{i + 1}.member.value", 0, MaxValueLength);
            CheckCharacters(value, $"{member}.{i + 1}.member.value");
            checkedTags.Add(new ResourceTag(key, value));
        }

        return checkedTags;
    }

    /// <summary>The keys of an UntagResource request, checked.</summary>
    public static IReadOnlyList<string> ValidateKeys(IReadOnlyList<string>? keys, string member)
    {
        var required = Constraints.Required(keys, member);
        for (int i = 0; i < required.Count; i++)
        {
            Constraints.Length(required[i], $"{member}.{i + 1}.member", 1, MaxKeyLength);
        }

        return required;
    }

    /// <summary>Throws <c>TooManyTags</c> when the resource would end with more than <see cref="MaxTagsPerResource"/> tags.</summary>
    public static void CheckCount(int count, string resourceArn)
    {
        if (count > MaxTagsPerResource)
        {
            throw new ApiException("TooManyTags",
                $"Too many tags: '{resourceArn}' would have {count} tags; a resource can have at most {MaxTagsPerResource}.");
        }
    }

    private static void CheckCharacters(string text, string member)
    {
        foreach (char c in text)
        {
            bool allowed = char.IsLetterOrDigit(c) || char.IsSeparator(c) || c is '_' or '.' or ':' or '/' or '=' or '+' or '-' or '@';
            if (!allowed)
            {
                throw Constraints.Violation(text, member, $"Member must satisfy regular expression pattern: {Pattern}");
            }
        }
    }
}
