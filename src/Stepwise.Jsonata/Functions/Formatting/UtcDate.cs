namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// A JavaScript <c>Date</c> read through its UTC getters: a time value in milliseconds since the epoch, NaN when
/// invalid (beyond ±8.64e15 ms, ECMA-262 §21.4.1.31 TimeClip). jsonata-js does all its calendar arithmetic with
/// <c>Date.UTC</c> and these getters, so doing the same here keeps every overflow and invalid case identical.
/// The proleptic Gregorian calendar with astronomical years (year 0 exists), as ECMAScript defines it.
/// </summary>
internal readonly record struct UtcDate(double Time)
{
    public const double MillisPerDay = 86_400_000;

    public bool IsValid => !double.IsNaN(Time);

    public double Year => IsValid ? Civil().Year : double.NaN;

    /// <summary>The month, 0–11 as JavaScript counts.</summary>
    public double Month => IsValid ? Civil().Month - 1 : double.NaN;

    /// <summary>The day of the month, 1–31.</summary>
    public double Date => IsValid ? Civil().Day : double.NaN;

    /// <summary>The day of the week, 0 (Sunday) – 6.</summary>
    public double DayOfWeek => IsValid ? PositiveModulo(Day + 4, 7) : double.NaN;

    public double Hours => IsValid ? Math.Floor(TimeInDay / 3_600_000) : double.NaN;

    public double Minutes => IsValid ? Math.Floor(TimeInDay / 60_000) % 60 : double.NaN;

    public double Seconds => IsValid ? Math.Floor(TimeInDay / 1000) % 60 : double.NaN;

    public double Milliseconds => IsValid ? TimeInDay % 1000 : double.NaN;

    private double Day => Math.Floor(Time / MillisPerDay);

    private double TimeInDay => Time - (Day * MillisPerDay);

    /// <summary><c>new Date(time)</c>: the time value clipped (truncated; NaN out of range).</summary>
    public static UtcDate FromTime(double time) => new(TimeClip(time));

    /// <summary>
    /// <c>Date.UTC(year, month, day, hours, minutes, seconds, ms)</c>: every field may overflow into the next
    /// (month 12 is January of the next year), and a year from 0 to 99 means 1900–1999.
    /// </summary>
    public static double DateUtc(
        double year, double month, double day = 1, double hours = 0, double minutes = 0, double seconds = 0, double ms = 0)
    {
        if (!double.IsNaN(year))
        {
            double integer = Math.Truncate(year);
            if (integer is >= 0 and <= 99)
            {
                year = 1900 + integer;
            }
        }

        return MakeTime(year, month, day, hours, minutes, seconds, ms);
    }

    /// <summary>ECMA-262 MakeDate(MakeDay(…), MakeTime(…)) then TimeClip, without <c>Date.UTC</c>'s two-digit years.</summary>
    public static double MakeTime(
        double year, double month, double day, double hours, double minutes, double seconds, double ms)
    {
        if (!double.IsFinite(year) || !double.IsFinite(month) || !double.IsFinite(day) || !double.IsFinite(hours)
            || !double.IsFinite(minutes) || !double.IsFinite(seconds) || !double.IsFinite(ms))
        {
            return double.NaN;
        }

        double y = Math.Truncate(year);
        double m = Math.Truncate(month);
        double wholeYear = y + Math.Floor(m / 12);
        double monthInYear = PositiveModulo(m, 12);
        if (Math.Abs(wholeYear) > 400_000)
        {
            // Far outside the ±275,760-year range: TimeClip would reject it anyway.
            return double.NaN;
        }

        double days = DaysFromCivil((long)wholeYear, (int)monthInYear + 1, 1) + Math.Truncate(day) - 1;
        double time = (Math.Truncate(hours) * 3_600_000) + (Math.Truncate(minutes) * 60_000)
            + (Math.Truncate(seconds) * 1000) + Math.Truncate(ms);
        return TimeClip((days * MillisPerDay) + time);
    }

    private static double TimeClip(double time) =>
        !double.IsFinite(time) || Math.Abs(time) > 8.64e15 ? double.NaN : Math.Truncate(time) + 0.0;

    private (long Year, int Month, int Day) Civil() => CivilFromDays((long)Day);

    private static double PositiveModulo(double value, double modulus)
    {
        double r = value % modulus;
        return r < 0 ? r + modulus : r;
    }

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date, counted in 400-year eras of 146,097 days.</summary>
    private static long DaysFromCivil(long year, int month, int day)
    {
        // Count years from March so that the leap day is the last day of the counted year.
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yearOfEra = y - (era * 400);
        int shiftedMonth = month > 2 ? month - 3 : month + 9;
        long dayOfYear = ((153 * shiftedMonth) + 2) / 5 + day - 1;
        long dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    private static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719_468;
        long era = (days >= 0 ? days : days - 146_096) / 146_097;
        long dayOfEra = days - (era * 146_097);
        long yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        long dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        long shiftedMonth = ((5 * dayOfYear) + 2) / 153;
        int day = (int)(dayOfYear - (((153 * shiftedMonth) + 2) / 5) + 1);
        int month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }
}
