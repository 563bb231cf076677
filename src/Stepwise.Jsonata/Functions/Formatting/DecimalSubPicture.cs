namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>A sub-picture cut into its parts, as jsonata-js cuts it.</summary>
internal sealed record DecimalSubPicture(
    string Text,
    string Prefix,
    string Suffix,
    string Active,
    string Mantissa,
    string? Exponent,
    string Integer,
    string Fraction)
{
    public static DecimalSubPicture Split(string subPicture, DecimalFormatProperties properties, DecimalDigitFamily family)
    {
        // The prefix runs up to the first active character and the suffix from the last one; the exponent
        // separator is not active for this purpose, so "PREFIX" and "SUFFIX" keep their e's.
        string prefix = "";
        for (int i = 0; i < subPicture.Length; i++)
        {
            if (family.IsActive(subPicture[i]) && !DecimalDigitFamily.IsChar(properties.ExponentSeparator, subPicture[i]))
            {
                prefix = subPicture[..i];
                break;
            }
        }

        string suffix = "";
        for (int i = subPicture.Length - 1; i >= 0; i--)
        {
            if (family.IsActive(subPicture[i]) && !DecimalDigitFamily.IsChar(properties.ExponentSeparator, subPicture[i]))
            {
                suffix = subPicture[(i + 1)..];
                break;
            }
        }

        string active = JavaScriptStrings.Substring(subPicture, prefix.Length, subPicture.Length - suffix.Length);
        string mantissa;
        string? exponent;
        int exponentPosition = properties.ExponentSeparator.Length == 0
            ? Math.Min(prefix.Length, subPicture.Length)
            : subPicture.IndexOf(
                properties.ExponentSeparator, Math.Min(prefix.Length, subPicture.Length), StringComparison.Ordinal);
        if (exponentPosition == -1 || exponentPosition > subPicture.Length - suffix.Length)
        {
            mantissa = active;
            exponent = null;
        }
        else
        {
            // jsonata-js measures the exponent position in the sub-picture but cuts the active part with it.
            mantissa = JavaScriptStrings.Substring(active, 0, exponentPosition);
            exponent = JavaScriptStrings.Substring(active, exponentPosition + 1);
        }

        int decimalPosition = mantissa.IndexOf(properties.DecimalSeparator, StringComparison.Ordinal);
        string integer;
        string fraction;
        if (decimalPosition == -1)
        {
            integer = mantissa;
            fraction = suffix;
        }
        else
        {
            integer = mantissa[..decimalPosition];
            fraction = JavaScriptStrings.Substring(mantissa, decimalPosition + 1);
        }

        return new DecimalSubPicture(subPicture, prefix, suffix, active, mantissa, exponent, integer, fraction);
    }
}
