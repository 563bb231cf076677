using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Definition.Reading;

/// <summary>
/// The YAML 1.2 core schema's resolution of plain scalars (https://yaml.org/spec/1.2.2/#1032-tag-resolution):
/// null, booleans, integers (decimal, 0o octal, 0x hex) and floats. JSON cannot hold .inf or .nan, so those stay
/// strings.
/// </summary>
internal static class YamlCoreSchema
{
    public static bool TryResolve(string text, [NotNullWhen(true)] out JsonValue? value)
    {
        value = text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JsonValue.Null,
            "true" or "True" or "TRUE" => JsonValue.True,
            "false" or "False" or "FALSE" => JsonValue.False,
            _ => null,
        };
        if (value is not null)
        {
            return true;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex) && hex >= 0)
        {
            value = JsonNumber.FromInt64(hex);
            return true;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && IsOctal(text.AsSpan(2)))
        {
            value = JsonNumber.FromInt64(Convert.ToInt64(text[2..], 8));
            return true;
        }

        if (IsDecimalInteger(text))
        {
            // A leading '+' is YAML, not JSON.
            value = JsonNumber.FromLiteral(text.StartsWith('+') ? text.AsSpan(1) : text);
            return true;
        }

        if (IsFloat(text))
        {
            string literal = text.StartsWith('+') ? text[1..] : text;
            value = JsonNumber.FromJavaDouble(double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }

    private static bool IsOctal(ReadOnlySpan<char> digits)
    {
        foreach (char c in digits)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }
        }

        return digits.Length is > 0 and <= 21;
    }

    // [-+]?[0-9]+
    private static bool IsDecimalInteger(string text)
    {
        int i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        if (i == text.Length)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    private static bool IsFloat(string text)
    {
        int i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        int digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            int exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == text.Length && double.IsFinite(double.Parse(text.StartsWith('+') ? text[1..] : text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
