using System.Globalization;
using System.Text.RegularExpressions;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$toMillis(timestamp)</c> without a picture. jsonata-js first checks the text against its ISO 8601 expression
/// (D3110 otherwise) and then hands it to JavaScript's <c>Date.parse</c>. This reads the same forms with the rules
/// V8 applies to them: a missing month or day is 1, a day past the month's end rolls into the next month (V8 takes
/// 1–31 for any month), 24:00:00 is the next midnight, fraction digits past milliseconds are dropped, a time without
/// an offset is UTC (jsonata-js runs in the host's zone; AWS's is UTC), and an impossible value (month 13, hour 25,
/// an offset hour past 23, an offset or a fraction on a date without a time) is NaN. V8's legacy fallback parser,
/// which makes something of a few more shapes that pass jsonata-js's expression ("2018.5"), is not reproduced:
/// those are NaN here.
/// </summary>
internal static partial class IsoTimestamp
{
    /// <summary>The timestamp in ms since the epoch, or NaN for a well-formed but impossible one.</summary>
    /// <exception cref="JsonataException">D3110 when the text is not of jsonata-js's ISO 8601 form.</exception>
    public static double Parse(string timestamp)
    {
        Match match = Iso8601().Match(timestamp);
        if (!match.Success)
        {
            FormattingErrors.ThrowNotIso8601(timestamp);
        }

        double year = Number(match.Groups["year"].Value);
        double month = match.Groups["month"].Success ? Number(match.Groups["month"].Value) : 1;
        double day = match.Groups["day"].Success ? Number(match.Groups["day"].Value) : 1;
        bool hasTime = match.Groups["hour"].Success;
        double hour = hasTime ? Number(match.Groups["hour"].Value) : 0;
        double minute = hasTime ? Number(match.Groups["minute"].Value) : 0;
        double second = hasTime ? Number(match.Groups["second"].Value) : 0;
        double millis = 0;
        Group fraction = match.Groups["fraction"];
        if (fraction.Success)
        {
            if (!hasTime)
            {
                return double.NaN;
            }

            string digits = fraction.Value.Length > 3 ? fraction.Value[..3] : fraction.Value;
            millis = double.Parse("0." + digits, CultureInfo.InvariantCulture) * 1000;
        }

        double offsetMinutes = 0;
        Group offset = match.Groups["offset"];
        if (offset.Success && offset.Value != "Z")
        {
            double offsetHour = Number(offset.Value.AsSpan(1, 2));
            double offsetMinute = Number(offset.Value.AsSpan(offset.Value.Length - 2));
            if (!hasTime || offsetHour > 23)
            {
                return double.NaN;
            }

            offsetMinutes = (offsetHour * 60) + offsetMinute;
            if (offset.Value[0] == '-')
            {
                offsetMinutes = -offsetMinutes;
            }
        }

        bool endOfDay = hour == 24 && minute == 0 && second == 0 && millis == 0;
        if (month is < 1 or > 12 || day is < 1 or > 31 || (hour > 23 && !endOfDay))
        {
            return double.NaN;
        }

        // MakeTime, not Date.UTC: an ISO year is never a two-digit year.
        double time = UtcDate.MakeTime(year, month - 1, day, hour, minute, second, millis);
        return time - (offsetMinutes * 60_000);
    }

    private static double Number(ReadOnlySpan<char> digits) => double.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // jsonata-js's expression, with ASCII digits only (JavaScript's \d) and the parts named.
    [GeneratedRegex(
        @"^(?<year>[0-9]{4})(?:-(?<month>[01][0-9]))?(?:-(?<day>[0-3][0-9]))?(?:T(?<hour>[0-2][0-9]):(?<minute>[0-5][0-9]):(?<second>[0-5][0-9]))?(?:\.(?<fraction>[0-9]+))?(?<offset>[+-][0-2][0-9]:?[0-5][0-9]|Z)?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601();
}
