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
            if (option.Value is JsonString { Value: var value })
            {
                properties.Set(option.Key, value);
            }
        }

        return properties;
    }

    /// <summary>
    /// Overrides the property named <paramref name="name"/> (<c>decimal-separator</c>, <c>grouping-separator</c>,
    /// <c>exponent-separator</c>, <c>minus-sign</c>, <c>percent</c>, <c>per-mille</c>, <c>zero-digit</c>,
    /// <c>digit</c>, <c>pattern-separator</c>). For an options object the engine built itself rather than a
    /// <see cref="JsonObject"/>: call this for each of its string members. Other names are ignored (jsonata-js
    /// stores them and never reads them back); returns whether the name was one of the properties.
    /// </summary>
    public bool Set(string name, string value)
    {
        switch (name)
        {
            case "decimal-separator":
                DecimalSeparator = value;
                return true;
            case "grouping-separator":
                GroupingSeparator = value;
                return true;
            case "exponent-separator":
                ExponentSeparator = value;
                return true;
            case "minus-sign":
                MinusSign = value;
                return true;
            case "percent":
                Percent = value;
                return true;
            case "per-mille":
                PerMille = value;
                return true;
            case "zero-digit":
                ZeroDigit = value;
                return true;
            case "digit":
                Digit = value;
                return true;
            case "pattern-separator":
                PatternSeparator = value;
                return true;
            default:
                return false;
        }
    }
}
