using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// The errors the formatting functions raise, with jsonata-js's codes and message texts (its <c>errorCodes</c> table;
/// <c>{{value}}</c> there is the JSON text of the offending value).
/// </summary>
internal static class FormattingErrors
{
    private static readonly Dictionary<string, string> s_numberPictureMessages = new(StringComparer.Ordinal)
    {
        ["D3080"] = "The picture string must only contain a maximum of two sub-pictures",
        ["D3081"] = "The sub-picture must not contain more than one instance of the 'decimal-separator' character",
        ["D3082"] = "The sub-picture must not contain more than one instance of the 'percent' character",
        ["D3083"] = "The sub-picture must not contain more than one instance of the 'per-mille' character",
        ["D3084"] = "The sub-picture must not contain both a 'percent' and a 'per-mille' character",
        ["D3085"] = "The mantissa part of a sub-picture must contain at least one character that is either an 'optional digit character' or a member of the 'decimal digit family'",
        ["D3086"] = "The sub-picture must not contain a passive character that is preceded by an active character and that is followed by another active character",
        ["D3087"] = "The sub-picture must not contain a 'grouping-separator' character that appears adjacent to a 'decimal-separator' character",
        ["D3088"] = "The sub-picture must not contain a 'grouping-separator' at the end of the integer part",
        ["D3089"] = "The sub-picture must not contain two adjacent instances of the 'grouping-separator' character",
        ["D3090"] = "The integer part of the sub-picture must not contain a member of the 'decimal digit family' that is followed by an instance of the 'optional digit character'",
        ["D3091"] = "The fractional part of the sub-picture must not contain an instance of the 'optional digit character' that is followed by a member of the 'decimal digit family'",
        ["D3092"] = "A sub-picture that contains a 'percent' or 'per-mille' character must not contain a character treated as an 'exponent-separator'",
        ["D3093"] = "The exponent part of the sub-picture must comprise only of one or more characters that are members of the 'decimal digit family'",
    };

    /// <summary>D3080–D3093: a format-number picture string breaks one of the rules of XPath F&amp;O §4.7.3.</summary>
    [DoesNotReturn]
    public static void ThrowNumberPicture(string code) => throw new JsonataException(code, s_numberPictureMessages[code]);

    [DoesNotReturn]
    public static void ThrowRadix(double radix) => throw new JsonataException(
        "D3100",
        "The radix of the formatBase function must be between 2 and 36.  It was given "
        + (double.IsFinite(radix) ? JavaScriptNumbers.ToString(radix) : "null"));

    [DoesNotReturn]
    public static void ThrowNotIso8601(string timestamp) => throw new JsonataException(
        "D3110",
        "The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given " + JsonText.Quote(timestamp));

    /// <summary>
    /// An invalid date (beyond ±8.64e15 ms, or shifted by an unreadable timezone) formatted as a name or in words:
    /// jsonata-js fails there with a JavaScript TypeError or stack overflow, which this reports as a JSONata error.
    /// </summary>
    [DoesNotReturn]
    public static void ThrowInvalidDateName() => throw new JsonataException(
        "D3001", "Attempting to invoke string function on Infinity or NaN");

    [DoesNotReturn]
    public static void ThrowUnsupportedSequence(string token) => throw new JsonataException(
        "D3130",
        "Formatting or parsing an integer as a sequence starting with " + JsonText.Quote(token) + " is not supported by this implementation");

    [DoesNotReturn]
    public static void ThrowMixedDecimalGroups() => throw new JsonataException(
        "D3131", "In a decimal digit pattern, all digits must be from the same decimal group");

    [DoesNotReturn]
    public static void ThrowUnknownComponent(string component) => throw new JsonataException(
        "D3132", "Unknown component specifier " + JsonText.Quote(component) + " in date/time picture string");

    [DoesNotReturn]
    public static void ThrowNameModifier(string component) => throw new JsonataException(
        "D3133",
        "The 'name' modifier can only be applied to months and days in the date/time picture string, not " + JsonText.Quote(component));

    [DoesNotReturn]
    public static void ThrowTimezoneDigits() => throw new JsonataException(
        "D3134", "The timezone integer format specifier cannot have more than four digits");

    [DoesNotReturn]
    public static void ThrowNoClosingBracket() => throw new JsonataException(
        "D3135", "No matching closing bracket ']' in date/time picture string");

    [DoesNotReturn]
    public static void ThrowMissingSpecifiers() => throw new JsonataException(
        "D3136", "The date/time picture string is missing specifiers required to parse the timestamp");
}
