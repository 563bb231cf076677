namespace Stepwise.Api.Validation;

/// <summary>The <c>includedData</c> member of the describe actions: <c>ALL_DATA</c> (the default) or <c>METADATA_ONLY</c>.</summary>
internal static class IncludedData
{
    private static readonly string[] s_values = ["ALL_DATA", "METADATA_ONLY"];

    /// <summary>True unless the caller asked for metadata only.</summary>
    public static bool WithDefinition(string? includedData)
    {
        if (includedData is null)
        {
            return true;
        }

        Constraints.OneOf(includedData, "includedData", s_values);
        return !string.Equals(includedData, "METADATA_ONLY", StringComparison.Ordinal);
    }
}
