using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$formatNumber</c>: XPath F&amp;O 3.1 fn:format-number (§4.7) as jsonata-js 2.2 implements it. The picture is
/// split into one or two sub-pictures, each validated (§4.7.3, errors D3080–D3093) and analysed (§4.7.4), and the
/// number is laid out by the bullets of §4.7.5. Where jsonata-js departs from the specification (a fractional part
/// taken from the suffix when there is no decimal separator, grouping positions searched in the integer part, the
/// exponent position measured in the whole sub-picture) this follows jsonata-js, because that is what AWS runs.
/// </summary>
internal static class DecimalFormatter
{
    /// <summary>Formats <paramref name="value"/> with <paramref name="picture"/>; see the class remarks.</summary>
    public static string Format(double value, string picture, DecimalFormatProperties properties)
    {
        var family = new DigitFamily(properties);
        string[] subPictures = SplitSubPictures(picture, properties.PatternSeparator);
        if (subPictures.Length > 2)
        {
            FormattingErrors.ThrowNumberPicture("D3080");
        }

        var parts = new SubPicture[subPictures.Length];
        for (int i = 0; i < subPictures.Length; i++)
        {
            parts[i] = SubPicture.Split(subPictures[i], properties, family);
        }

        foreach (SubPicture part in parts)
        {
            Validate(part, properties, family);
        }

        Layout positive = Analyse(parts[0], properties, family);
        Layout negative = parts.Length > 1
            ? Analyse(parts[1], properties, family)
            : positive with { Prefix = properties.MinusSign + positive.Prefix };

        return Render(value, value >= 0 ? positive : negative, properties, family);
    }

    private static string[] SplitSubPictures(string picture, string separator)
    {
        if (separator.Length > 0)
        {
            return picture.Split(separator);
        }

        // JavaScript's split('') cuts the string into single UTF-16 units.
        var units = new string[picture.Length];
        for (int i = 0; i < picture.Length; i++)
        {
            units[i] = picture[i].ToString();
        }

        return units;
    }

    /// <summary>§4.7.3, in jsonata-js's order: every rule is checked and the last one broken is reported.</summary>
    private static void Validate(SubPicture parts, DecimalFormatProperties properties, DigitFamily family)
    {
        string? error = null;
        string subPicture = parts.Text;
        int decimalPosition = subPicture.IndexOf(properties.DecimalSeparator, StringComparison.Ordinal);
        if (decimalPosition != subPicture.LastIndexOf(properties.DecimalSeparator, StringComparison.Ordinal))
        {
            error = "D3081";
        }

        if (subPicture.IndexOf(properties.Percent, StringComparison.Ordinal) != subPicture.LastIndexOf(properties.Percent, StringComparison.Ordinal))
        {
            error = "D3082";
        }

        if (subPicture.IndexOf(properties.PerMille, StringComparison.Ordinal) != subPicture.LastIndexOf(properties.PerMille, StringComparison.Ordinal))
        {
            error = "D3083";
        }

        if (subPicture.Contains(properties.Percent, StringComparison.Ordinal) && subPicture.Contains(properties.PerMille, StringComparison.Ordinal))
        {
            error = "D3084";
        }

        bool mantissaHasDigit = false;
        foreach (char c in parts.Mantissa)
        {
            if (family.IsDigit(c) || IsChar(properties.Digit, c))
            {
                mantissaHasDigit = true;
                break;
            }
        }

        if (!mantissaHasDigit)
        {
            error = "D3085";
        }

        foreach (char c in parts.Active)
        {
            if (!family.IsActive(c))
            {
                error = "D3086";
                break;
            }
        }

        if (decimalPosition != -1)
        {
            if (JavaScriptStrings.CharAt(subPicture, decimalPosition - 1) == properties.GroupingSeparator
                || JavaScriptStrings.CharAt(subPicture, decimalPosition + 1) == properties.GroupingSeparator)
            {
                error = "D3087";
            }
        }
        else if (JavaScriptStrings.CharAt(parts.Integer, parts.Integer.Length - 1) == properties.GroupingSeparator)
        {
            error = "D3088";
        }

        if (subPicture.Contains(properties.GroupingSeparator + properties.GroupingSeparator, StringComparison.Ordinal))
        {
            error = "D3089";
        }

        int optionalDigit = parts.Integer.IndexOf(properties.Digit, StringComparison.Ordinal);
        if (optionalDigit != -1 && family.CountDigits(parts.Integer.AsSpan(0, optionalDigit)) > 0)
        {
            error = "D3090";
        }

        optionalDigit = parts.Fraction.LastIndexOf(properties.Digit, StringComparison.Ordinal);
        if (optionalDigit != -1 && family.CountDigits(parts.Fraction.AsSpan(optionalDigit)) > 0)
        {
            error = "D3091";
        }

        if (parts.Exponent is { Length: > 0 }
            && (subPicture.Contains(properties.Percent, StringComparison.Ordinal) || subPicture.Contains(properties.PerMille, StringComparison.Ordinal)))
        {
            error = "D3092";
        }

        if (parts.Exponent is not null && (parts.Exponent.Length == 0 || family.CountDigits(parts.Exponent) != parts.Exponent.Length))
        {
            error = "D3093";
        }

        if (error is not null)
        {
            FormattingErrors.ThrowNumberPicture(error);
        }
    }

    /// <summary>§4.7.4: the variables that drive the layout.</summary>
    private static Layout Analyse(SubPicture parts, DecimalFormatProperties properties, DigitFamily family)
    {
        int[] integerGrouping = GroupingPositions(parts, parts.Integer, toLeft: false, properties, family);
        var separators = new List<GroupingSeparator>(integerGrouping.Length);
        foreach (int position in integerGrouping)
        {
            separators.Add(new GroupingSeparator(position, properties.GroupingSeparator));
        }

        int regularGrouping = IntegerPicture.RegularGrouping(separators);
        int[] fractionalGrouping = GroupingPositions(parts, parts.Fraction, toLeft: true, properties, family);

        int minimumIntegerSize = family.CountDigits(parts.Integer);
        int scalingFactor = minimumIntegerSize;
        int minimumFractionSize = family.CountDigits(parts.Fraction);
        int maximumFractionSize = minimumFractionSize + CountOf(parts.Fraction, properties.Digit);
        bool exponentPresent = parts.Exponent is not null;
        if (minimumIntegerSize == 0 && maximumFractionSize == 0)
        {
            if (exponentPresent)
            {
                minimumFractionSize = 1;
                maximumFractionSize = 1;
            }
            else
            {
                minimumIntegerSize = 1;
            }
        }

        if (exponentPresent && minimumIntegerSize == 0 && parts.Integer.Contains(properties.Digit, StringComparison.Ordinal))
        {
            minimumIntegerSize = 1;
        }

        if (minimumIntegerSize == 0 && minimumFractionSize == 0)
        {
            minimumFractionSize = 1;
        }

        int minimumExponentSize = exponentPresent ? family.CountDigits(parts.Exponent) : 0;
        return new Layout(
            parts.Prefix,
            parts.Suffix,
            parts.Text,
            integerGrouping,
            regularGrouping,
            fractionalGrouping,
            minimumIntegerSize,
            scalingFactor,
            minimumFractionSize,
            maximumFractionSize,
            minimumExponentSize);
    }

    /// <summary>
    /// The number of digit signs to the right (integer part) or left (fractional part) of each grouping separator.
    /// jsonata-js looks for every separator after the first in the integer part, even when analysing the fractional
    /// part; that is kept.
    /// </summary>
    private static int[] GroupingPositions(SubPicture parts, string part, bool toLeft, DecimalFormatProperties properties, DigitFamily family)
    {
        var positions = new List<int>();
        string separator = properties.GroupingSeparator;
        if (separator.Length == 0)
        {
            // jsonata-js never leaves this loop for an empty separator; there is nothing to group with anyway.
            return [];
        }

        int position = part.IndexOf(separator, StringComparison.Ordinal);
        while (position != -1)
        {
            string side = toLeft ? JavaScriptStrings.Substring(part, 0, position) : JavaScriptStrings.Substring(part, position);
            positions.Add(family.CountDigits(side) + CountOf(side, properties.Digit));
            position = position + 1 > parts.Integer.Length ? -1 : parts.Integer.IndexOf(separator, position + 1, StringComparison.Ordinal);
        }

        return positions.ToArray();
    }

    /// <summary>§4.7.5: lays the number out.</summary>
    private static string Render(double value, Layout layout, DecimalFormatProperties properties, DigitFamily family)
    {
        string zero = properties.ZeroDigit;
        string decimalSeparator = properties.DecimalSeparator;

        // Bullet 3: percent and per-mille scale the number.
        double adjusted = value;
        if (layout.Picture.Contains(properties.Percent, StringComparison.Ordinal))
        {
            adjusted = value * 100;
        }
        else if (layout.Picture.Contains(properties.PerMille, StringComparison.Ordinal))
        {
            adjusted = value * 1000;
        }

        // Bullet 5: with an exponent, bring the mantissa within [10^(s-1), 10^s]; zero keeps exponent zero.
        double mantissa = adjusted;
        int? exponent = null;
        if (layout.MinimumExponentSize != 0)
        {
            double maxMantissa = Math.Pow(10, layout.ScalingFactor);
            double minMantissa = Math.Pow(10, layout.ScalingFactor - 1);
            int e = 0;
            if (mantissa != 0)
            {
                while (Math.Abs(mantissa) < minMantissa)
                {
                    mantissa *= 10;
                    e--;
                }

                while (Math.Abs(mantissa) > maxMantissa)
                {
                    mantissa /= 10;
                    e++;
                }
            }

            exponent = e;
        }

        // Bullets 6 and 7: round half to even, then write the digits in the chosen family.
        double rounded = JavaScriptNumbers.Round(mantissa, layout.MaximumFractionSize);
        string text = family.Translate(JavaScriptNumbers.ToFixed(Math.Abs(rounded), layout.MaximumFractionSize));
        int point = text.IndexOf('.');
        text = point == -1 ? text + decimalSeparator : string.Concat(text.AsSpan(0, point), decimalSeparator, text.AsSpan(point + 1));
        while (text.Length > 0 && JavaScriptStrings.CharAt(text, 0) == zero)
        {
            text = text[1..];
        }

        while (text.Length > 0 && JavaScriptStrings.CharAt(text, text.Length - 1) == zero)
        {
            text = text[..^1];
        }

        // Bullets 8 and 9: pad to the minimum integer and fraction sizes.
        point = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        int padLeft = layout.MinimumIntegerSize - point;
        int padRight = layout.MinimumFractionSize - (text.Length - point - 1);
        text = Repeat(zero, padLeft) + text + Repeat(zero, padRight);
        point = text.IndexOf(decimalSeparator, StringComparison.Ordinal);

        // Bullet 10: integer-part grouping separators.
        string grouping = properties.GroupingSeparator;
        if (layout.RegularGrouping > 0)
        {
            int groups = FloorDiv(point - 1, layout.RegularGrouping);
            for (int group = 1; group <= groups; group++)
            {
                int at = point - (group * layout.RegularGrouping);
                text = JavaScriptStrings.Slice(text, 0, at) + grouping + JavaScriptStrings.Slice(text, at);
            }
        }
        else
        {
            foreach (int position in layout.IntegerGrouping)
            {
                int at = point - position;
                text = JavaScriptStrings.Slice(text, 0, at) + grouping + JavaScriptStrings.Slice(text, at);
                point++;
            }
        }

        // Bullet 11: fractional-part grouping separators.
        point = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        foreach (int position in layout.FractionalGrouping)
        {
            int at = position + point + 1;
            text = JavaScriptStrings.Slice(text, 0, at) + grouping + JavaScriptStrings.Slice(text, at);
        }

        // Bullet 12: drop a trailing decimal separator (jsonata-js drops the last character).
        point = text.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (!layout.Picture.Contains(decimalSeparator, StringComparison.Ordinal) || point == text.Length - 1)
        {
            text = JavaScriptStrings.Substring(text, 0, text.Length - 1);
        }

        // Bullet 13: the exponent.
        if (exponent is int exp)
        {
            string digits = family.Translate(Math.Abs(exp).ToString(System.Globalization.CultureInfo.InvariantCulture));
            digits = Repeat(zero, layout.MinimumExponentSize - digits.Length) + digits;
            text = text + properties.ExponentSeparator + (exp < 0 ? properties.MinusSign : "") + digits;
        }

        // Bullet 14.
        return layout.Prefix + text + layout.Suffix;
    }

    private static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);

    private static string Repeat(string text, int count)
    {
        if (count <= 0 || text.Length == 0)
        {
            return "";
        }

        var builder = new StringBuilder(text.Length * count);
        for (int i = 0; i < count; i++)
        {
            builder.Append(text);
        }

        return builder.ToString();
    }

    private static int CountOf(string text, string single)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (IsChar(single, c))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsChar(string property, char c) => property.Length == 1 && property[0] == c;

    /// <summary>The ten digits starting at the zero-digit property, and the picture's active characters.</summary>
    private readonly struct DigitFamily(DecimalFormatProperties properties)
    {
        private readonly int _zero = properties.ZeroDigit.Length > 0 ? properties.ZeroDigit[0] : -1;

        public bool IsDigit(char c) => _zero >= 0 && c >= _zero && c < _zero + 10;

        /// <summary>Digits, and the separators, digit and pattern characters (a longer property never matches one char).</summary>
        public bool IsActive(char c) =>
            IsDigit(c)
            || IsChar(properties.DecimalSeparator, c)
            || IsChar(properties.ExponentSeparator, c)
            || IsChar(properties.GroupingSeparator, c)
            || IsChar(properties.Digit, c)
            || IsChar(properties.PatternSeparator, c);

        public int CountDigits(ReadOnlySpan<char> text)
        {
            int count = 0;
            foreach (char c in text)
            {
                if (IsDigit(c))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>ASCII digits into this family.</summary>
        public string Translate(string text)
        {
            if (_zero == '0')
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                builder.Append(c is >= '0' and <= '9' && _zero >= 0 ? (char)(_zero + (c - '0')) : c);
            }

            return builder.ToString();
        }
    }

    /// <summary>A sub-picture cut into its parts, as jsonata-js cuts it.</summary>
    private sealed record SubPicture(string Text, string Prefix, string Suffix, string Active, string Mantissa, string? Exponent, string Integer, string Fraction)
    {
        public static SubPicture Split(string subPicture, DecimalFormatProperties properties, DigitFamily family)
        {
            // The prefix runs up to the first active character and the suffix from the last one; the exponent
            // separator is not active for this purpose, so "PREFIX" and "SUFFIX" keep their e's.
            string prefix = "";
            for (int i = 0; i < subPicture.Length; i++)
            {
                if (family.IsActive(subPicture[i]) && !IsChar(properties.ExponentSeparator, subPicture[i]))
                {
                    prefix = subPicture[..i];
                    break;
                }
            }

            string suffix = "";
            for (int i = subPicture.Length - 1; i >= 0; i--)
            {
                if (family.IsActive(subPicture[i]) && !IsChar(properties.ExponentSeparator, subPicture[i]))
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
                : subPicture.IndexOf(properties.ExponentSeparator, Math.Min(prefix.Length, subPicture.Length), StringComparison.Ordinal);
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

            return new SubPicture(subPicture, prefix, suffix, active, mantissa, exponent, integer, fraction);
        }
    }

    private sealed record Layout(
        string Prefix,
        string Suffix,
        string Picture,
        int[] IntegerGrouping,
        int RegularGrouping,
        int[] FractionalGrouping,
        int MinimumIntegerSize,
        int ScalingFactor,
        int MinimumFractionSize,
        int MaximumFractionSize,
        int MinimumExponentSize);
}
