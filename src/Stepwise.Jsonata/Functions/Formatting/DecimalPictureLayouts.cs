namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>An analysed format-number picture: the layout for numbers from zero up and the one for negative numbers.</summary>
internal sealed record DecimalPictureLayouts(DecimalLayout Positive, DecimalLayout Negative);
