using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary><c>$formatBase</c>: JavaScript's <c>Number.prototype.toString(radix)</c> of a rounded number.</summary>
internal static class RadixFormatter
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    // 2^53: from here up a double has no units digit of its own in any radix.
    private const double ExactIntegerLimit = 9007199254740992d;

    /// <summary>
    /// Writes the integer <paramref name="value"/> in <paramref name="radix"/> (2–36) as V8 does: radix 10 is
    /// JavaScript's number-to-string (1e21 prints as "1e+21"); in other radixes the digits below the double's
    /// precision are written as zeros (1e21 in radix 36 is "5v1j4f4ds7c000", not its exact "5v1j4f4ds79m9s").
    /// </summary>
    public static string Format(double value, int radix)
    {
        if (radix == 10 || !double.IsFinite(value))
        {
            return JavaScriptNumbers.ToString(value);
        }

        double integer = Math.Abs(value);
        var builder = new StringBuilder();
        while (integer / radix >= ExactIntegerLimit)
        {
            integer /= radix;
            builder.Insert(0, '0');
        }

        do
        {
            double remainder = integer % radix;
            builder.Insert(0, Digits[(int)remainder]);
            integer = (integer - remainder) / radix;
        }
        while (integer > 0);

        if (value < 0)
        {
            builder.Insert(0, '-');
        }

        return builder.ToString();
    }
}
