using System.Text;
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

    private static readonly string s_wordsPattern = BuildWordsPattern();

    /// <summary>
    /// The timestamp in ms since the epoch; null (undefined) when it does not match the picture or the picture has no
    /// components; NaN when the components do not make a valid date (as jsonata-js's Date.UTC gives NaN).
    /// </summary>
    /// <param name="timestamp">The text to read.</param>
    /// <param name="picture">The picture string.</param>
    /// <param name="now">The evaluation's fixed current time, which supplies the missing leading components.</param>
    public static double? Parse(string timestamp, string picture, UtcDate now)
    {
        DateTimePicture format = DateTimePicture.Analyse(picture);
        var matchers = new List<PartMatcher>(format.Parts.Count);
        var pattern = new StringBuilder("^");
        foreach (DateTimeMarker part in format.Parts)
        {
            PartMatcher matcher = CreateMatcher(part);
            matchers.Add(matcher);
            pattern.Append('(').Append(matcher.Pattern).Append(')');
        }

        // \z, not $: .NET's $ also matches before a final newline, JavaScript's does not.
        pattern.Append(@"\z");
        Match match = Regex.Match(timestamp, pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            return null;
        }

        var components = new Dictionary<char, double>();
        bool anyComponent = false;
        for (int i = 0; i < matchers.Count; i++)
        {
            PartMatcher matcher = matchers[i];
            if (matcher.Read is not null)
            {
                anyComponent = true;
                // An unknown name reads as undefined in jsonata-js, which then counts as not given at all.
                if (matcher.Read(match.Groups[i + 1].Value) is double value)
                {
                    components[matcher.Component] = value;
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
            components['Y'], components['M'], components['D'], components['H'], components['m'], components['s'], components['f']);
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

    private static PartMatcher CreateMatcher(DateTimeMarker part)
    {
        if (part.Literal is string literal)
        {
            return new PartMatcher(Regex.Escape(literal), '\0', null);
        }

        char component = part.ComponentChar;
        if (component is 'Z' or 'z')
        {
            return TimezoneMatcher(part);
        }

        if (component == 'f')
        {
            // Fractional seconds: the first three digits are milliseconds; more precision is dropped.
            return new PartMatcher("[0-9]+", component, static text => ParseFraction(text));
        }

        if (part.IntegerFormat is IntegerPicture format)
        {
            return IntegerMatcher(format, component);
        }

        return NameMatcher(part);
    }

    private static double ParseFraction(string digits)
    {
        string millis = digits.Length > 3 ? digits[..3] : digits;
        return double.Parse("0." + millis, System.Globalization.CultureInfo.InvariantCulture) * 1000;
    }

    private static PartMatcher TimezoneMatcher(DateTimeMarker part)
    {
        IntegerPicture format = part.IntegerFormat!;
        string? separator = format.RegularInterval > 0 ? format.Separators[0].Character : null;
        bool gmt = part.ComponentChar == 'z';
        // jsonata-js puts the separator into the expression unescaped.
        string pattern = (gmt ? "GMT" : "") + "[-+][0-9]+" + (separator is null ? "" : separator + "[0-9]+");
        return new PartMatcher(pattern, part.ComponentChar, text =>
        {
            if (gmt)
            {
                text = text[3..];
            }

            double hours;
            double minutes = 0;
            if (separator is not null)
            {
                int at = text.IndexOf(separator, StringComparison.Ordinal);
                hours = JavaScriptNumbers.ParseInt(text[..at]);
                minutes = JavaScriptNumbers.ParseInt(text[(at + separator.Length)..]);
            }
            else if (text.Length - 1 <= 2)
            {
                hours = JavaScriptNumbers.ParseInt(text);
            }
            else
            {
                // "+hhmm": the sign goes with the hours only, so "-0530" reads as -5 h + 30 min, as in jsonata-js.
                hours = JavaScriptNumbers.ParseInt(text[..3]);
                minutes = JavaScriptNumbers.ParseInt(text[3..]);
            }

            return (hours * 60) + minutes;
        });
    }

    private static PartMatcher IntegerMatcher(IntegerPicture format, char component)
    {
        bool upper = format.Case == LetterCase.Upper;
        string pattern;
        switch (format.Primary)
        {
            case IntegerPrimaryFormat.Letters:
                pattern = upper ? "[A-Z]+" : "[a-z]+";
                break;
            case IntegerPrimaryFormat.Roman:
                pattern = upper ? "[MDCLXVI]+" : "[mdclxvi]+";
                break;
            case IntegerPrimaryFormat.Words:
                pattern = s_wordsPattern;
                break;
            case IntegerPrimaryFormat.Decimal:
                // Only ASCII digits are recognised here, whatever the picture's digit family, as in jsonata-js.
                pattern = format.ParseWidth is int width and > 0 ? "[0-9]{" + width + "}" : "[0-9]+";
                if (format.Ordinal)
                {
                    pattern += "(?:th|st|nd|rd)";
                }

                break;
            default:
                FormattingErrors.ThrowUnsupportedSequence(format.Token);
                return default;
        }

        return new PartMatcher(pattern, component, text => IntegerFormatter.Parse(text, format));
    }

    private static PartMatcher NameMatcher(DateTimeMarker part)
    {
        var lookup = new Dictionary<string, double>(StringComparer.Ordinal);
        switch (part.ComponentChar)
        {
            case 'M' or 'x':
                for (int i = 0; i < DateTimeFormatter.MonthNames.Count; i++)
                {
                    lookup[Truncate(DateTimeFormatter.MonthNames[i], part.MaxWidth)] = i + 1;
                }

                break;
            case 'F':
                for (int i = 1; i < DateTimeFormatter.DayNames.Count; i++)
                {
                    lookup[Truncate(DateTimeFormatter.DayNames[i], part.MaxWidth)] = i;
                }

                break;
            case 'P':
                lookup["am"] = 0;
                lookup["AM"] = 0;
                lookup["pm"] = 1;
                lookup["PM"] = 1;
                break;
            default:
                FormattingErrors.ThrowNameModifier(part.Component);
                break;
        }

        // The expression ignores case but the lookup does not (jsonata-js): "MARCH" matches and reads as undefined.
        return new PartMatcher("[a-zA-Z]+", part.ComponentChar, text => lookup.TryGetValue(text, out double value) ? value : null);
    }

    private static string Truncate(string name, int? maxWidth) =>
        maxWidth is int max && max > 0 && name.Length > max ? name[..max] : name;

    private static string BuildWordsPattern()
    {
        var builder = new StringBuilder("(?:");
        foreach (string word in EnglishNumberWords.KnownWords)
        {
            builder.Append(word).Append('|');
        }

        builder.Append(@"and|[\-, ])+");
        return builder.ToString();
    }

    /// <summary>The expression of one picture part, and how to read its capture (null for literals).</summary>
    private readonly record struct PartMatcher(string Pattern, char Component, Func<string, double?>? Read);
}
