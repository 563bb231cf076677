using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$fromMillis</c> and <c>$now</c>: XPath F&amp;O 3.1 fn:format-dateTime (§9.8) over a UTC timestamp shifted by a
/// fixed offset, as jsonata-js implements it (English names, ISO calendar, no named time zones).
/// </summary>
internal static class DateTimeFormatter
{
    private static readonly string[] s_days = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] s_months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>The English month names, January first.</summary>
    public static IReadOnlyList<string> MonthNames => s_months;

    /// <summary>The English day names, index 1 (Monday) to 7 (Sunday); index 0 is empty.</summary>
    public static IReadOnlyList<string> DayNames => s_days;

    /// <summary>
    /// Formats <paramref name="millis"/> (ms since the epoch) with <paramref name="picture"/> (ISO 8601 when null)
    /// in the offset <paramref name="timezone"/> (<c>±HHMM</c>; UTC when null).
    /// </summary>
    public static string Format(double millis, string? picture, string? timezone)
    {
        double offsetHours = 0;
        double offsetMinutes = 0;
        if (timezone is not null)
        {
            // jsonata-js reads "+hhmm" as one integer: -0530 becomes hours -6 and minutes -30 (floor and remainder).
            // That is a real offset of -6:30 for negative half-hour zones, and it is kept.
            double offset = JavaScriptNumbers.ParseInt(timezone);
            offsetHours = Math.Floor(offset / 100);
            offsetMinutes = offset % 100;
        }

        DateTimePicture format = DateTimePicture.Analyse(picture);
        double offsetMillis = ((60 * offsetHours) + offsetMinutes) * 60 * 1000;
        UtcDate date = UtcDate.FromTime(millis + offsetMillis);

        var result = new StringBuilder();
        foreach (DateTimeMarker part in format.Parts)
        {
            if (part.Literal is string literal)
            {
                result.Append(literal);
            }
            else
            {
                result.Append(FormatComponent(date, part, offsetHours, offsetMinutes));
            }
        }

        return result.ToString();
    }

    private static string FormatComponent(UtcDate date, DateTimeMarker marker, double offsetHours, double offsetMinutes)
    {
        char component = marker.ComponentChar;
        switch (component)
        {
            case 'Y' or 'M' or 'D' or 'd' or 'F' or 'W' or 'w' or 'X' or 'x' or 'H' or 'h' or 'm' or 's':
                return FormatIntegerComponent(date, marker);
            case 'f':
                if (marker.IntegerFormat is null)
                {
                    // jsonata-js fails with a TypeError on a named fraction ("[fN]"); this reports it as what it is.
                    FormattingErrors.ThrowNameModifier(marker.Component);
                }

                return IntegerFormatter.Format(DateTimeComponents.Get(date, 'f'), marker.IntegerFormat);
            case 'Z' or 'z':
                return FormatTimezone(marker, offsetHours, offsetMinutes);
            case 'P':
                string amPm = DateTimeComponents.AmPm(date);
                return marker.Names == LetterCase.Upper ? amPm.ToUpperInvariant() : amPm;
            case 'C' or 'E':
                // The calendar and the era are both "ISO".
                return "ISO";
            default:
                // jsonata-js appends the undefined value of an unknown component ("[q1]") as text.
                return "undefined";
        }
    }

    private static string FormatIntegerComponent(UtcDate date, DateTimeMarker marker)
    {
        char component = marker.ComponentChar;
        double value = DateTimeComponents.Get(date, component);
        if (component == 'Y' && marker.YearDigits != -1)
        {
            // §9.8.4.4: keep the last n digits of the year.
            value %= Math.Pow(10, marker.YearDigits);
        }

        if (marker.Names is LetterCase names)
        {
            string name;
            if (component is 'M' or 'x')
            {
                name = NameAt(s_months, value - 1);
            }
            else if (component == 'F')
            {
                name = NameAt(s_days, value);
            }
            else
            {
                FormattingErrors.ThrowNameModifier(marker.Component);
                return "";
            }

            name = names switch
            {
                LetterCase.Upper => name.ToUpperInvariant(),
                LetterCase.Lower => name.ToLowerInvariant(),
                _ => name,
            };
            if (marker.MaxWidth is int max && name.Length > max)
            {
                name = name[..Math.Max(max, 0)];
            }

            return name;
        }

        return IntegerFormatter.Format(value, marker.IntegerFormat!);
    }

    private static string NameAt(string[] names, double index)
    {
        if (!(index >= 0 && index < names.Length))
        {
            FormattingErrors.ThrowInvalidDateName();
        }

        return names[(int)index];
    }

    /// <summary>§9.8.4.6, as jsonata-js does it.</summary>
    private static string FormatTimezone(DateTimeMarker marker, double offsetHours, double offsetMinutes)
    {
        IntegerPicture format = marker.IntegerFormat!;
        double offset = (offsetHours * 100) + offsetMinutes;
        string text;
        if (format.RegularInterval > 0)
        {
            // "01:01": the offset as one four-digit number with the separator inserted.
            text = IntegerFormatter.Format(offset, format);
        }
        else
        {
            int digits = format.Primary == IntegerPrimaryFormat.Decimal ? format.MandatoryDigits : 0;
            if (digits is 1 or 2)
            {
                // "0", "01": hours, then ":mm" only when the minutes are not zero.
                text = IntegerFormatter.Format(offsetHours, format);
                if (offsetMinutes != 0)
                {
                    text += ":" + IntegerFormatter.Format(offsetMinutes, IntegerPicture.Analyse("00"));
                }
            }
            else if (digits is 3 or 4)
            {
                text = IntegerFormatter.Format(offset, format);
            }
            else
            {
                FormattingErrors.ThrowTimezoneDigits();
                return "";
            }
        }

        if (offset >= 0)
        {
            text = "+" + text;
        }

        if (marker.ComponentChar == 'z')
        {
            text = "GMT" + text;
        }

        if (offset == 0 && marker.Presentation2 == 't')
        {
            text = "Z";
        }

        return text;
    }
}
