namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>The variables of F&amp;O §4.7.4 for one sub-picture, which drive the layout of §4.7.5.</summary>
internal sealed record DecimalLayout(
    string Prefix,
    string Suffix,
    string Picture,
    int[] IntegerGrouping,
    int RegularGrouping,
    int[] FractionalGrouping,
    int MinimumIntegerSize,
    int ScalingFactor,
    int MinimumFractionSize,
    int MaximumFractionSize,
    int MinimumExponentSize);
