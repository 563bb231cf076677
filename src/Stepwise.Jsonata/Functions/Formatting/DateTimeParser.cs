using System.Text.RegularExpressions;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$toMillis(timestamp, picture)</c>: reads a timestamp written with an fn:format-dateTime picture, as
/// jsonata-js does. The picture becomes one anchored, case-insensitive regular expression with a group per part; the
/// captured components must then form one of the date shapes {Y M D}, {Y d}, {X x w F}, {X W F} and time shapes
/// {H m s f}, {P h m s f}. Components more significant than those given default to the evaluation's current time,
/// less significant ones to zero (or 1 for month and day), and a gap between given components is D3136. Only
/// {Y M D} and {Y d} can be turned into a timestamp: the week-based shapes are D3136, as in jsonata-js.
/// </summary>
internal static class DateTimeParser
{
    // Bit masks over the components in the order Y X M x W w d D (date) and P H h m s f (time):
    // a shape matches when no component outside it is present and at least one inside it is.
    private const int DateYearMonthDay = 0b10100001;
    private const int DateYearDayOfYear = 0b10000010;
    private const int DateMonthWeek = 0b01010100;
    private const int DateIsoWeek = 0b01001000;
    private const int Time24Hour = 0b010111;
    private const int Time12Hour = 0b101111;

    /// <summary>
    /// The timestamp in ms since the epoch; null (undefined) when it does not match the picture or the picture has no
    /// components; NaN when the components do not make a valid date (as jsonata-js's Date.UTC gives NaN).
    /// </summary>
    /// <param name="timestamp">The text to read.</param>
    /// <param name="picture">The picture string.</param>
    /// <param name="now">The evaluation's fixed current time, which supplies the missing leading components.</param>
    public static double? Parse(string timestamp, string picture, UtcDate now)
    {
        TimestampPattern pattern = TimestampPattern.For(picture);
        Match match = pattern.Regex.Match(timestamp);
        if (!match.Success)
        {
            return null;
        }

        var components = new Dictionary<char, double>();
        bool anyComponent = false;
        for (int i = 0; i < pattern.Readers.Count; i++)
        {
            ComponentReader reader = pattern.Readers[i];
            if (!reader.IsLiteral)
            {
                anyComponent = true;
                // An unknown name reads as undefined in jsonata-js, which then counts as not given at all, even
                // when an earlier marker of the picture gave that component.
                if (reader.Read(match.Groups[i + 1].Value) is double value)
                {
                    components[reader.Component] = value;
                }
                else
                {
                    components.Remove(reader.Component);
                }
            }
        }

        if (!anyComponent)
        {
            return null;
        }

        int dateMask = Mask(components, "YXMxWwdD");
        bool dateA = IsShape(DateYearMonthDay, dateMask);
        bool dateB = !dateA && IsShape(DateYearDayOfYear, dateMask);
        bool dateC = IsShape(DateMonthWeek, dateMask);
        bool dateD = !dateC && IsShape(DateIsoWeek, dateMask);
        int timeMask = Mask(components, "PHhmsf");
        bool timeA = IsShape(Time24Hour, timeMask);
        bool timeB = !timeA && IsShape(Time12Hour, timeMask);

        // jsonata-js lists {Y d} as "YD": the day of year is then applied below, outside the gap check.
        string dateComponents = dateB ? "YD" : dateC ? "XxwF" : dateD ? "XWF" : "YMD";
        string timeComponents = timeB ? "Phmsf" : "Hmsf";
        bool startSpecified = false;
        bool endSpecified = false;
        foreach (char component in dateComponents + timeComponents)
        {
            if (!components.ContainsKey(component))
            {
                if (startSpecified)
                {
                    components[component] = component is 'M' or 'D' or 'd' ? 1 : 0;
                    endSpecified = true;
                }
                else
                {
                    // A defaulted am/pm is jsonata-js's string "am"/"pm", which never equals 1: it reads as am.
                    components[component] = component == 'P' ? 0 : DateTimeComponents.Get(now, component);
                }
            }
            else
            {
                startSpecified = true;
                if (endSpecified)
                {
                    FormattingErrors.ThrowMissingSpecifiers();
                }
            }
        }

        // Date.UTC counts months from 0; an unreadable month (NaN) falls back to January there too.
        components['M'] = components.TryGetValue('M', out double month) && month > 0 ? month - 1 : 0;
        if (dateB)
        {
            double firstJanuary = UtcDate.DateUtc(components['Y'], 0);
            UtcDate derived = UtcDate.FromTime(firstJanuary + ((components['d'] - 1) * UtcDate.MillisPerDay));
            components['M'] = derived.Month;
            components['D'] = derived.Date;
        }

        if (dateC || dateD)
        {
            // Week-based dates cannot be parsed (jsonata-js leaves them unimplemented).
            FormattingErrors.ThrowMissingSpecifiers();
        }

        if (timeB)
        {
            double hour = components['h'] == 12 ? 0 : components['h'];
            components['H'] = components['P'] == 1 ? hour + 12 : hour;
        }

        double millis = UtcDate.DateUtc(
            components['Y'],
            components['M'],
            components['D'],
            components['H'],
            components['m'],
            components['s'],
            components['f']);
        double offset = Truthy(components, 'Z') ? components['Z'] : Truthy(components, 'z') ? components['z'] : 0;
        if (offset != 0 && !double.IsNaN(offset))
        {
            millis -= offset * 60 * 1000;
        }

        return millis;
    }

    private static int Mask(Dictionary<char, double> components, string order)
    {
        int mask = 0;
        foreach (char component in order)
        {
            // JavaScript truthiness: a component read as 0 (or NaN) does not count as present here.
            mask = (mask << 1) | (Truthy(components, component) ? 1 : 0);
        }

        return mask;
    }

    private static bool Truthy(Dictionary<char, double> components, char component) =>
        components.TryGetValue(component, out double value) && value != 0 && !double.IsNaN(value);

    private static bool IsShape(int shape, int mask) => (~shape & mask) == 0 && (shape & mask) != 0;
}
