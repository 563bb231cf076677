using System.Numerics;
using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary><c>$formatBase</c>: JavaScript's <c>Number.prototype.toString(radix)</c> of a rounded number.</summary>
internal static class RadixFormatter
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// Writes the integer <paramref name="value"/> in <paramref name="radix"/> (2–36). Radix 10 is JavaScript's
    /// number-to-string (so 1e21 prints as "1e+21"); other radixes write the double's exact integer value.
    /// </summary>
    public static string Format(double value, int radix)
    {
        if (radix == 10 || !double.IsFinite(value))
        {
            return JavaScriptNumbers.ToString(value);
        }

        bool negative = value < 0;
        var magnitude = new BigInteger(Math.Abs(value));
        if (magnitude.IsZero)
        {
            return "0";
        }

        var builder = new StringBuilder();
        while (!magnitude.IsZero)
        {
            magnitude = BigInteger.DivRem(magnitude, radix, out BigInteger digit);
            builder.Insert(0, Digits[(int)digit]);
        }

        if (negative)
        {
            builder.Insert(0, '-');
        }

        return builder.ToString();
    }
}
