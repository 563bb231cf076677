using System.Globalization;

namespace Stepwise.JsonPath;

/// <summary>
/// RFC 3339 timestamps as AWS accepts them (Wait <c>Timestamp</c>, Choice <c>Timestamp*</c> operators,
/// <c>IsTimestamp</c>) and as AWS writes them (<c>$$.Execution.StartTime</c>, <c>$$.State.EnteredTime</c>).
/// </summary>
public static class AslTimestamp
{
    /// <summary>
    /// Parses an RFC 3339 date-time with a mandatory offset (<c>Z</c> or <c>±hh:mm</c>) and optional fractional
    /// seconds. Returns false for anything else, including out-of-range fields.
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateTimeOffset.TryParseExact(
            text,
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value) && (text.EndsWith('Z') || text.Length > 6 && text[^3] == ':');
    }

    /// <summary>Formats as AWS writes context timestamps: UTC, milliseconds, <c>Z</c> (<c>2024-01-02T03:04:05.678Z</c>).</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
