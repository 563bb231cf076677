using Stepwise.Json;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// JSONata's formatting and date/time functions, exactly as jsonata-js 2.2 computes them. Each method takes the
/// arguments the engine has already validated against the function's signature (shown in each summary) and with
/// undefined arguments already handled: when the first argument is undefined every one of these functions returns
/// undefined without calling in here. Errors are <see cref="JsonataException"/>s with jsonata-js's codes and messages.
/// </summary>
internal static class FormattingFunctions
{
    /// <summary>
    /// <c>$formatNumber(number, picture [, options])</c>, signature <c>&lt;n-so?:s&gt;</c>: XPath fn:format-number.
    /// <paramref name="options"/> overrides the decimal-format properties by name (<c>decimal-separator</c>,
    /// <c>grouping-separator</c>, <c>exponent-separator</c>, <c>minus-sign</c>, <c>percent</c>, <c>per-mille</c>,
    /// <c>zero-digit</c>, <c>digit</c>, <c>pattern-separator</c>); members that are not strings are ignored.
    /// </summary>
    /// <exception cref="JsonataException">D3080–D3093 for an invalid picture.</exception>
    public static string FormatNumber(double number, string picture, JsonObject? options) =>
        options is null
            ? DecimalFormatter.Format(number, picture)
            : DecimalFormatter.Format(number, picture, DecimalFormatProperties.Create(options));

    /// <summary>
    /// <c>$formatNumber</c> with the decimal-format properties already gathered: for an options object that is not a
    /// <see cref="JsonObject"/>, start from <c>new DecimalFormatProperties()</c> and <see cref="DecimalFormatProperties.Set"/>
    /// each string member.
    /// </summary>
    /// <exception cref="JsonataException">D3080–D3093 for an invalid picture.</exception>
    public static string FormatNumberWithProperties(double number, string picture, DecimalFormatProperties properties) =>
        DecimalFormatter.Format(number, picture, properties);

    /// <summary>
    /// <c>$formatBase(number [, radix])</c>, signature <c>&lt;n-n?:s&gt;</c>: the number rounded (half to even) and
    /// written in the radix (default 10), which is rounded too.
    /// </summary>
    /// <exception cref="JsonataException">D3100 when the rounded radix is outside 2–36.</exception>
    public static string FormatBase(double number, double? radix)
    {
        double value = JavaScriptNumbers.Round(number, 0);
        double roundedRadix = radix is double r ? JavaScriptNumbers.Round(r, 0) : 10;
        if (!(roundedRadix >= 2 && roundedRadix <= 36))
        {
            FormattingErrors.ThrowRadix(roundedRadix);
        }

        return RadixFormatter.Format(value, (int)roundedRadix);
    }

    /// <summary>
    /// <c>$formatInteger(number, picture)</c>, signature <c>&lt;n-s:s&gt;</c>: XPath fn:format-integer of the number
    /// rounded down. Pictures: decimal digit patterns in any Unicode digit family with grouping separators
    /// (<c>#,##0</c>), <c>a</c>/<c>A</c>, <c>i</c>/<c>I</c>, <c>w</c>/<c>W</c>/<c>Ww</c>, and the <c>;o</c> ordinal modifier.
    /// </summary>
    /// <exception cref="JsonataException">
    /// D3130 for any other picture; D3131 when digit families are mixed; U1001 for roman numerals from 10,000,000 up,
    /// where jsonata-js overflows its stack.
    /// </exception>
    public static string FormatInteger(double number, string picture) =>
        IntegerFormatter.Format(Math.Floor(number), IntegerPicture.Analyse(picture));

    /// <summary>
    /// <c>$parseInteger(string, picture)</c>, signature <c>&lt;s-s:n&gt;</c>: the inverse of <c>$formatInteger</c>.
    /// Like jsonata-js it does not validate the string against the picture; text it cannot read yields
    /// <see cref="JsonValue.Null"/>, which is how jsonata-js's NaN result comes out in JSON.
    /// </summary>
    /// <exception cref="JsonataException">
    /// D3130 for an unsupported picture; D3131 when the picture mixes digit families or the text has characters below
    /// the picture's family (jsonata-js fails there with a JavaScript RangeError).
    /// </exception>
    public static JsonValue ParseInteger(string value, string picture) =>
        ToJsonNumber(IntegerFormatter.Parse(value, IntegerPicture.Analyse(picture)));

    /// <summary>
    /// <c>$fromMillis(number [, picture [, timezone]])</c>, signature <c>&lt;n-s?s?:s&gt;</c>: formats a timestamp in
    /// ms since the epoch with an XPath fn:format-dateTime picture (ISO 8601 when <paramref name="picture"/> is null:
    /// <c>[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]</c>) in the fixed offset <paramref name="timezone"/>
    /// (<c>±HHMM</c>; UTC when null). <c>$now([picture [, timezone]])</c> is this function applied to the
    /// evaluation's start time. Timestamps beyond ±8.64e15 ms print their numbers as "NaN", as jsonata-js does.
    /// </summary>
    /// <exception cref="JsonataException">
    /// D3130–D3135 for an invalid picture (unsupported sequence, mixed digits, unknown component, name on a component
    /// that has none, timezone of more than four digits, unclosed marker); D3001 for a name or words of an invalid
    /// date, where jsonata-js fails with a JavaScript TypeError.
    /// </exception>
    public static string FromMillis(double millis, string? picture, string? timezone) =>
        DateTimeFormatter.Format(millis, picture, timezone);

    /// <summary>
    /// <c>$toMillis(timestamp [, picture])</c>, signature <c>&lt;s-s?:n&gt;</c>: the ms since the epoch of an ISO 8601
    /// timestamp, or of one written with an XPath fn:format-dateTime picture. Returns null (undefined) when the
    /// timestamp does not match the picture or the picture has no components, and <see cref="JsonValue.Null"/> where
    /// jsonata-js yields NaN (an impossible date such as month 13).
    /// </summary>
    /// <param name="timestamp">The timestamp text.</param>
    /// <param name="picture">The picture, or null for ISO 8601.</param>
    /// <param name="nowMillis">
    /// The evaluation's fixed start time (what <c>$millis()</c> returns): a picture that gives only some components
    /// takes the more significant ones from it (<c>$toMillis('13:45', '[H]:[m]')</c> is today at 13:45 UTC).
    /// </param>
    /// <exception cref="JsonataException">
    /// D3110 for a non-ISO timestamp without a picture; D3130–D3135 for an invalid picture; D3136 when the picture's
    /// components leave a gap (month and hour but no day) or are week-based.
    /// </exception>
    public static JsonValue? ToMillis(string timestamp, string? picture, long nowMillis)
    {
        if (picture is null)
        {
            return ToJsonNumber(IsoTimestamp.Parse(timestamp));
        }

        double? millis = DateTimeParser.Parse(timestamp, picture, UtcDate.FromTime(nowMillis));
        return millis is double value ? ToJsonNumber(value) : null;
    }

    private static JsonValue ToJsonNumber(double value) =>
        double.IsFinite(value) ? JsonNumber.FromDouble(value) : JsonValue.Null;
}
