using System.Globalization;
using System.Numerics;
using Stepwise.Json;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// The few JavaScript number operations jsonata-js's formatting code leans on (<c>parseInt</c>, <c>Math.round</c>,
/// <c>toFixed</c>, <c>String(n)</c>) and JSONata's own <c>$round</c>. The formatting functions must reproduce their
/// exact results, quirks included, so they are written out here rather than approximated with .NET equivalents.
/// </summary>
internal static class JavaScriptNumbers
{
    /// <summary>ECMAScript's <c>Number::toString</c> (radix 10), NaN and infinities included.</summary>
    public static string ToString(double value) => NumberFormatting.ToJavaScriptString(value);

    /// <summary>
    /// JavaScript's one-argument <c>parseInt</c>: skips leading white space, reads an optional sign and then the longest
    /// run of decimal digits (hexadecimal after <c>0x</c>); NaN when there are no digits.
    /// </summary>
    public static double ParseInt(string text)
    {
        int i = 0;
        while (i < text.Length && IsJavaScriptWhiteSpace(text[i]))
        {
            i++;
        }

        bool negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        double result;
        if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            i += 2;
            int start = i;
            result = 0;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                result = (result * 16) + Convert.ToInt32(text[i].ToString(), 16);
                i++;
            }

            if (i == start)
            {
                return double.NaN;
            }
        }
        else
        {
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return double.NaN;
            }

            // double.Parse rounds correctly, as V8's parseInt does for radix 10.
            result = double.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return negative ? -result : result;
    }

    /// <summary>JavaScript's <c>Math.round</c>: the nearest integer, halves towards +∞.</summary>
    public static double MathRound(double value)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        double floor = Math.Floor(value);
        // value - floor is exact for doubles, so the comparison has no rounding error (unlike floor(value + 0.5)).
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>
    /// JSONata's <c>$round(value, precision)</c>: round half to even at <paramref name="precision"/> decimal places.
    /// jsonata-js shifts the decimal point by rewriting the number's text (<c>"1.5e3"</c>) rather than multiplying, to
    /// avoid binary rounding errors; so does this.
    /// </summary>
    public static double Round(double value, int precision)
    {
        if (precision != 0)
        {
            value = ShiftDecimalPoint(value, precision);
        }

        double result = MathRound(value);
        double diff = result - value;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            // Math.round went up from an exact half; JSONata rounds halves to even.
            result -= 1;
        }

        if (precision != 0)
        {
            result = ShiftDecimalPoint(result, -precision);
        }

        // JSON has no negative zero.
        return result == 0 ? 0 : result;
    }

    /// <summary>
    /// JavaScript's <c>Number.prototype.toFixed</c> for a non-negative value: the exact binary value rounded to
    /// <paramref name="digits"/> places, an exact half going up (ECMA-262: "if there are two such n, pick the larger"),
    /// and plain <c>Number::toString</c> from 1e21 up. .NET's "F" format rounds exact halves to even, hence this.
    /// </summary>
    public static string ToFixed(double value, int digits)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e21)
        {
            return ToString(value);
        }

        // value = mantissa × 2^exponent exactly; n = round-half-up(value × 10^digits) in integers.
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int biasedExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger mantissa = biasedExponent == 0 ? fraction : fraction | (1L << 52);
        int exponent = (biasedExponent == 0 ? 1 : biasedExponent) - 1075;
        BigInteger scaled = mantissa * BigInteger.Pow(10, digits);
        BigInteger n;
        if (exponent >= 0)
        {
            n = scaled << exponent;
        }
        else
        {
            BigInteger denominator = BigInteger.One << -exponent;
            n = BigInteger.DivRem(scaled, denominator, out BigInteger remainder);
            if (remainder * 2 >= denominator)
            {
                n += 1;
            }
        }

        string text = n.ToString(CultureInfo.InvariantCulture);
        if (digits == 0)
        {
            return text;
        }

        if (text.Length <= digits)
        {
            text = new string('0', digits - text.Length + 1) + text;
        }

        return string.Concat(text.AsSpan(0, text.Length - digits), ".", text.AsSpan(text.Length - digits));
    }

    private static double ShiftDecimalPoint(double value, int places)
    {
        if (!double.IsFinite(value))
        {
            // jsonata-js appends "e<n>" to "Infinity" or "NaN", which reads back as NaN.
            return double.NaN;
        }

        string text = ToString(value);
        int e = text.IndexOf('e');
        string mantissa = e < 0 ? text : text[..e];
        int exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string shifted = mantissa + "e" + (exponent + places).ToString(CultureInfo.InvariantCulture);
        return double.Parse(shifted, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static bool IsJavaScriptWhiteSpace(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F'
            or '\u205F' or '\u3000' or '\uFEFF' || (c >= '\u2000' && c <= '\u200A');
}
