using Stepwise.Json;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// The decimal-format properties of fn:format-number (XPath F&amp;O 3.1 §4.7.1) with jsonata-js's defaults, overridden
/// by the members of <c>$formatNumber</c>'s options object. Every property is a string: jsonata-js compares the picture
/// one UTF-16 unit at a time against them, so a longer value (<c>"per-mille": "pm"</c>) is only ever found by the
/// substring searches, which is what makes such options half work there, and here alike.
/// </summary>
internal sealed class DecimalFormatProperties
{
    public string DecimalSeparator { get; private set; } = ".";

    public string GroupingSeparator { get; private set; } = ",";

    public string ExponentSeparator { get; private set; } = "e";

    public string MinusSign { get; private set; } = "-";

    public string Percent { get; private set; } = "%";

    public string PerMille { get; private set; } = "\u2030";

    public string ZeroDigit { get; private set; } = "0";

    public string Digit { get; private set; } = "#";

    public string PatternSeparator { get; private set; } = ";";

    /// <summary>The defaults with the string members of <paramref name="options"/> applied; other members are ignored.</summary>
    public static DecimalFormatProperties Create(JsonObject? options)
    {
        var properties = new DecimalFormatProperties();
        if (options is null)
        {
            return properties;
        }

        foreach (KeyValuePair<string, JsonValue> option in options)
        {
            if (option.Value is not JsonString { Value: var value })
            {
                continue;
            }

            switch (option.Key)
            {
                case "decimal-separator":
                    properties.DecimalSeparator = value;
                    break;
                case "grouping-separator":
                    properties.GroupingSeparator = value;
                    break;
                case "exponent-separator":
                    properties.ExponentSeparator = value;
                    break;
                case "minus-sign":
                    properties.MinusSign = value;
                    break;
                case "percent":
                    properties.Percent = value;
                    break;
                case "per-mille":
                    properties.PerMille = value;
                    break;
                case "zero-digit":
                    properties.ZeroDigit = value;
                    break;
                case "digit":
                    properties.Digit = value;
                    break;
                case "pattern-separator":
                    properties.PatternSeparator = value;
                    break;
            }
        }

        return properties;
    }
}
