using System.Globalization;

namespace Stepwise.JsonPath;

/// <summary>
/// RFC 3339 timestamps as AWS accepts them (Wait <c>Timestamp</c>/<c>TimestampPath</c>, Choice <c>Timestamp*</c>
/// operators, <c>IsTimestamp</c>) and as AWS writes them (<c>$$.Execution.StartTime</c>, <c>$$.State.EnteredTime</c>).
/// </summary>
/// <remarks>
/// AWS parses with Java's <c>DateTimeFormatter.ISO_OFFSET_DATE_TIME</c> (its error text says "ISO-8601 extended
/// offset date-time format"): <c>yyyy-MM-dd'T'HH:mm[:ss[.fraction]]</c> then <c>Z</c> or <c>±HH:MM[:ss]</c>, case
/// insensitive, strict field ranges. The corpus shows what that means in practice: 9-digit fractions are fine
/// (scenarios/test_base_scenarios__test_wait_timestamp_path_NANOSECONDS_febf38.json), so are 2 and 6 digits
/// (base/test_wait__test_wait_timestamppath_.00Z_20cd28.json); a missing offset, a blank instead of <c>T</c>, month 13
/// or hour 25 are rejected (scenarios/test_base_scenarios__test_wait_timestamp_path_{NO_Z,NO_T,INVALID_DATE,INVALID_TIME}_*.json).
/// </remarks>
public static class AslTimestamp
{
    [ThreadStatic]
    private static long t_lastFormattedMilliseconds;

    [ThreadStatic]
    private static string? t_lastFormatted;

    /// <summary>
    /// Parses an ISO-8601 date-time with a mandatory offset. Fractions beyond 100 ns (the tick) are truncated.
    /// Returns false for anything else, including out-of-range fields (Feb 30, hour 24, second 60).
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        ReadOnlySpan<char> s = text;

        // yyyy-MM-ddTHH:mm is the shortest accepted prefix.
        if (s.Length < 17 || s[4] != '-' || s[7] != '-' || (s[10] | 0x20) != 't' || s[13] != ':')
        {
            return false;
        }

        if (!TryDigits(s, 0, 4, out int year) || !TryDigits(s, 5, 2, out int month) || !TryDigits(s, 8, 2, out int day) ||
            !TryDigits(s, 11, 2, out int hour) || !TryDigits(s, 14, 2, out int minute))
        {
            return false;
        }

        int position = 16;
        int second = 0;
        long fractionTicks = 0;
        if (position < s.Length && s[position] == ':')
        {
            if (!TryDigits(s, position + 1, 2, out second))
            {
                return false;
            }

            position += 3;
            if (position < s.Length && s[position] == '.')
            {
                position++;
                int digits = 0;
                long scale = TimeSpan.TicksPerSecond;
                while (position < s.Length && char.IsAsciiDigit(s[position]))
                {
                    if (++digits > 9)
                    {
                        return false;
                    }

                    scale /= 10;
                    fractionTicks += (s[position] - '0') * scale;
                    position++;
                }

                if (digits == 0)
                {
                    return false;
                }
            }
        }

        if (!TryParseOffset(s[position..], out TimeSpan offset))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, Math.Clamp(month, 1, 12)) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        DateTime utc;
        try
        {
            utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }

        // DateTimeOffset holds offsets up to ±14:00 in whole minutes; Java allows ±18:00:00. Keep the instant exact and
        // the offset when it fits.
        value = offset.Ticks % TimeSpan.TicksPerMinute == 0 && offset.Duration() <= TimeSpan.FromHours(14)
            ? new DateTimeOffset(local, offset)
            : new DateTimeOffset(utc);
        return true;
    }

    /// <summary>Formats as AWS writes context timestamps: UTC, milliseconds, <c>Z</c> (<c>2025-01-15T10:30:01.500Z</c>).</summary>
    public static string Format(DateTimeOffset value)
    {
        // Every Task state formats its entry time for its context object, and the states entered within one millisecond
        // share the text: the one formatted last on this thread is kept, as a custom date format costs more than the
        // rest of scheduling a task.
        long milliseconds = value.UtcTicks / TimeSpan.TicksPerMillisecond;
        if (t_lastFormatted is { } last && t_lastFormattedMilliseconds == milliseconds)
        {
            return last;
        }

        string text = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        t_lastFormattedMilliseconds = milliseconds;
        t_lastFormatted = text;
        return text;
    }

    // "Z", "z" or "+HH:MM" / "+HH:MM:ss" (Java's appendOffsetId), and nothing after it.
    private static bool TryParseOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.Length == 1 && (s[0] | 0x20) == 'z')
        {
            return true;
        }

        if ((s.Length != 6 && s.Length != 9) || s[0] is not ('+' or '-') || s[3] != ':' ||
            !TryDigits(s, 1, 2, out int hours) || !TryDigits(s, 4, 2, out int minutes))
        {
            return false;
        }

        int seconds = 0;
        if (s.Length == 9 && (s[6] != ':' || !TryDigits(s, 7, 2, out seconds)))
        {
            return false;
        }

        if (hours > 18 || minutes > 59 || seconds > 59 || (hours == 18 && (minutes | seconds) != 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, seconds);
        if (s[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
