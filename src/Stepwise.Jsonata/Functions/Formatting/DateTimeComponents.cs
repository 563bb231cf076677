namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// The integer value of each date/time component (XPath F&amp;O 3.1 §9.8.4.1) of a <see cref="UtcDate"/>, plus
/// jsonata-js's two extensions: <c>X</c>, the ISO week-numbering year, and <c>x</c>, the month a week-of-month
/// belongs to. Weeks follow ISO 8601: they start on Monday and the first week of a year (or, by F&amp;O's
/// extension, of a month) is the one holding its first Thursday.
/// </summary>
internal static class DateTimeComponents
{
    private const double MillisPerWeek = UtcDate.MillisPerDay * 7;

    /// <summary>The component's number, or NaN for a component that has none (P, Z, C, E, unknown letters).</summary>
    public static double Get(UtcDate date, char component)
    {
        switch (component)
        {
            case 'Y':
                return date.Year;
            case 'M':
                return date.Month + 1;
            case 'D':
                return date.Date;
            case 'd':
            {
                double today = UtcDate.DateUtc(date.Year, date.Month, date.Date);
                double firstJanuary = UtcDate.DateUtc(date.Year, 0);
                return ((today - firstJanuary) / UtcDate.MillisPerDay) + 1;
            }

            case 'F':
            {
                // ISO 8601 numbers the days 1 (Monday) to 7 (Sunday).
                double day = date.DayOfWeek;
                return day == 0 ? 7 : day;
            }

            case 'W':
                return WeekOfYear(date);
            case 'w':
                return WeekOfMonth(date);
            case 'X':
                return WeekNumberingYear(date);
            case 'x':
                return WeekNumberingMonth(date);
            case 'H':
                return date.Hours;
            case 'h':
            {
                double hour = date.Hours % 12;
                return hour == 0 ? 12 : hour;
            }

            case 'm':
                return date.Minutes;
            case 's':
                return date.Seconds;
            case 'f':
                return date.Milliseconds;
            default:
                return double.NaN;
        }
    }

    /// <summary>The <c>P</c> component: "am" or "pm" (lower case; the picture decides the case).</summary>
    public static string AmPm(UtcDate date) => date.Hours >= 12 ? "pm" : "am";

    private static double WeekOfYear(UtcDate date)
    {
        double year = date.Year;
        double startOfWeek1 = StartOfFirstWeek(year, 0);
        double today = UtcDate.DateUtc(year, date.Month, date.Date);
        double week = WeeksBetween(startOfWeek1, today);
        if (week > 52)
        {
            // Late December may already be in week 1 of the next year.
            if (today >= StartOfFirstWeek(year + 1, 0))
            {
                week = 1;
            }
        }
        else if (week < 1)
        {
            // Early January may still be in the last week of the previous year.
            week = WeeksBetween(StartOfFirstWeek(year - 1, 0), today);
        }

        return Math.Floor(week);
    }

    private static double WeekOfMonth(UtcDate date)
    {
        (double year, double month) = (date.Year, date.Month);
        double startOfWeek1 = StartOfFirstWeek(year, month);
        double today = UtcDate.DateUtc(year, month, date.Date);
        double week = WeeksBetween(startOfWeek1, today);
        if (week > 4)
        {
            (double nextYear, double nextMonth) = NextMonth(year, month);
            if (today >= StartOfFirstWeek(nextYear, nextMonth))
            {
                week = 1;
            }
        }
        else if (week < 1)
        {
            (double previousYear, double previousMonth) = PreviousMonth(year, month);
            week = WeeksBetween(StartOfFirstWeek(previousYear, previousMonth), today);
        }

        return Math.Floor(week);
    }

    private static double WeekNumberingYear(UtcDate date)
    {
        double year = date.Year;
        // jsonata-js compares the full timestamp, not midnight, with the week boundaries.
        if (date.Time < StartOfFirstWeek(year, 0))
        {
            return year - 1;
        }

        return date.Time >= StartOfFirstWeek(year + 1, 0) ? year + 1 : year;
    }

    private static double WeekNumberingMonth(UtcDate date)
    {
        (double year, double month) = (date.Year, date.Month);
        (double nextYear, double nextMonth) = NextMonth(year, month);
        if (date.Time < StartOfFirstWeek(year, month))
        {
            return PreviousMonth(year, month).Month + 1;
        }

        return date.Time >= StartOfFirstWeek(nextYear, nextMonth) ? nextMonth + 1 : month + 1;
    }

    /// <summary>Midnight of the Monday starting week 1 of the month: the week that holds its first Thursday.</summary>
    private static double StartOfFirstWeek(double year, double month)
    {
        double first = UtcDate.DateUtc(year, month);
        double day = UtcDate.FromTime(first).DayOfWeek;
        if (day == 0)
        {
            day = 7;
        }

        return day > 4 ? first + ((8 - day) * UtcDate.MillisPerDay) : first - ((day - 1) * UtcDate.MillisPerDay);
    }

    private static double WeeksBetween(double start, double end) => ((end - start) / MillisPerWeek) + 1;

    private static (double Year, double Month) NextMonth(double year, double month) =>
        month == 11 ? (year + 1, 0) : (year, month + 1);

    private static (double Year, double Month) PreviousMonth(double year, double month) =>
        month == 0 ? (year - 1, 11) : (year, month - 1);
}
