namespace Stepwise.JsonPath.Paths;

/// <summary>Why a definite path found nothing, in Jayway's terms.</summary>
internal enum DefiniteFailureKind
{
    None,

    /// <summary>The last name or an index found nothing: "No results for path: $['a']".</summary>
    NoResults,

    /// <summary>A name before the last one is missing: "Missing property in path $['a']".</summary>
    MissingProperty,

    /// <summary>A name was applied to something that is not an object.</summary>
    NotAnObject,

    /// <summary>An index was applied to null: "The path $['a'] is null".</summary>
    NullArray,

    /// <summary>An index was applied to something that is neither an array nor null.</summary>
    NotAnArray,
}
