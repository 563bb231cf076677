using System.Globalization;

namespace Stepwise.Definition.Validation;

/// <summary>
/// Builds diagnostic locations the way AWS writes them: <c>/</c> for the root, <c>/States/X/Next</c> for fields and
/// <c>/States/C/Choices[0]/Next</c> for array elements (AWS does not use RFC 6901 indexes or escapes here).
/// </summary>
internal static class Location
{
    public const string Root = "/";

    public static string Field(string parent, string name) =>
        parent.Length == 1 ? string.Concat("/", name) : string.Concat(parent, "/", name);

    public static string Index(string parent, int index) =>
        string.Concat(parent, "[", index.ToString(CultureInfo.InvariantCulture), "]");
}
