using System.Globalization;
using System.Text;

namespace Stepwise.Json;

/// <summary>
/// Writes doubles the way Java and JavaScript write them. Both start from the shortest digit string that round-trips
/// (.NET's "R", Java 19+'s Double.toString and ECMAScript's Number::toString agree on it) and differ only in layout.
/// </summary>
public static class NumberFormatting
{
    /// <summary>Java's <c>Double.toString</c>: plain for 1e-3 ≤ |d| &lt; 1e7 (always a fraction), else <c>d.dddE±n</c>.</summary>
    public static void AppendJava(StringBuilder builder, double value)
    {
        if (value == 0)
        {
            builder.Append(double.IsNegative(value) ? "-0.0" : "0.0");
            return;
        }

        Span<char> digits = stackalloc char[32];
        int count = ShortestDigits(value, digits, out int pointPosition);
        if (value < 0)
        {
            builder.Append('-');
        }

        double magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            if (pointPosition <= 0)
            {
                builder.Append("0.");
                builder.Append('0', -pointPosition);
                builder.Append(digits[..count]);
            }
            else if (pointPosition >= count)
            {
                builder.Append(digits[..count]);
                builder.Append('0', pointPosition - count);
                builder.Append(".0");
            }
            else
            {
                builder.Append(digits[..pointPosition]);
                builder.Append('.');
                builder.Append(digits[pointPosition..count]);
            }

            return;
        }

        builder.Append(digits[0]);
        builder.Append('.');
        if (count > 1)
        {
            builder.Append(digits[1..count]);
        }
        else
        {
            builder.Append('0');
        }

        builder.Append('E');
        builder.Append(pointPosition - 1);
    }

    /// <summary>ECMAScript's Number::toString (radix 10).</summary>
    public static void AppendJavaScript(StringBuilder builder, double value)
    {
        if (value == 0)
        {
            builder.Append('0');
            return;
        }

        Span<char> digits = stackalloc char[32];
        int k = ShortestDigits(value, digits, out int n);
        if (value < 0)
        {
            builder.Append('-');
        }

        if (k <= n && n <= 21)
        {
            builder.Append(digits[..k]);
            builder.Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits[..n]);
            builder.Append('.');
            builder.Append(digits[n..k]);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.");
            builder.Append('0', -n);
            builder.Append(digits[..k]);
        }
        else
        {
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.');
                builder.Append(digits[1..k]);
            }

            builder.Append('e');
            builder.Append(n - 1 >= 0 ? '+' : '-');
            builder.Append(Math.Abs(n - 1));
        }
    }

    /// <summary>ECMAScript's Number::toString as a string.</summary>
    public static string ToJavaScriptString(double value)
    {
        if (Math.Floor(value) == value && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var builder = new StringBuilder(24);
        AppendJavaScript(builder, value);
        return builder.ToString();
    }

    /// <summary>
    /// The shortest round-trip decimal digits of |value| (no leading or trailing zeros) and the position of the decimal
    /// point relative to them: value = 0.digits × 10^pointPosition.
    /// </summary>
    public static int ShortestDigits(double value, Span<char> digits, out int pointPosition)
    {
        Span<char> text = stackalloc char[40];
        // "R" is the shortest round-trip form; it comes plain ("123.45") or with an exponent ("1.5E-07").
        Math.Abs(value).TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
        ReadOnlySpan<char> s = text[..length];
        int exponent = 0;
        int e = s.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }

        int count = 0;
        int point = -1;
        foreach (char c in s)
        {
            if (c == '.')
            {
                point = count;
            }
            else
            {
                digits[count++] = c;
            }
        }

        if (point < 0)
        {
            point = count;
        }

        int leading = 0;
        while (leading < count - 1 && digits[leading] == '0')
        {
            leading++;
        }

        if (leading > 0)
        {
            digits[leading..count].CopyTo(digits);
            count -= leading;
            point -= leading;
        }

        while (count > 1 && digits[count - 1] == '0')
        {
            count--;
        }

        pointPosition = point + exponent;
        return count;
    }
}
