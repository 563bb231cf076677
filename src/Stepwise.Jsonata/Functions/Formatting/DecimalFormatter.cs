using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$formatNumber</c>: XPath F&amp;O 3.1 fn:format-number (§4.7) as jsonata-js 2.2 implements it. The picture is
/// split into one or two sub-pictures, each validated (§4.7.3, errors D3080–D3093) and analysed (§4.7.4), and the
/// number is laid out by the bullets of §4.7.5. Where jsonata-js departs from the specification (a fractional part
/// taken from the suffix when there is no decimal separator, grouping positions searched in the integer part, the
/// exponent position measured in the whole sub-picture) this follows jsonata-js, the implementation AWS documents.
/// </summary>
internal static class DecimalFormatter
{
    private static readonly DecimalFormatProperties s_defaults = new();

    private static readonly PictureCache<DecimalPictureLayouts> s_defaultsCache = new(static picture => Analyse(picture, s_defaults));

    /// <summary>Formats <paramref name="value"/> with <paramref name="picture"/>; see the class remarks.</summary>
    public static string Format(double value, string picture, DecimalFormatProperties properties)
    {
        DecimalPictureLayouts layouts = Analyse(picture, properties);
        return Render(value, value >= 0 ? layouts.Positive : layouts.Negative, properties, new DecimalDigitFamily(properties));
    }

    /// <summary>Formats with the default properties; the analysed picture is then kept and reused.</summary>
    public static string Format(double value, string picture)
    {
        DecimalPictureLayouts layouts = s_defaultsCache.Get(picture);
        return Render(value, value >= 0 ? layouts.Positive : layouts.Negative, s_defaults, new DecimalDigitFamily(s_defaults));
    }

    private static DecimalPictureLayouts Analyse(string picture, DecimalFormatProperties properties)
    {
        var family = new DecimalDigitFamily(properties);
        string[] subPictures = SplitSubPictures(picture, properties.PatternSeparator);
        if (subPictures.Length > 2)
        {
            FormattingErrors.ThrowNumberPicture("D3080");
        }

        var parts = new DecimalSubPicture[subPictures.Length];
        for (int i = 0; i < subPictures.Length; i++)
        {
            parts[i] = DecimalSubPicture.Split(subPictures[i], properties, family);
        }

        foreach (DecimalSubPicture part in parts)
        {
            Validate(part, properties, family);
        }

        // Without a second sub-picture, negative numbers take the first one behind a minus sign (§4.7.4).
        DecimalLayout positive = Analyse(parts[0], properties, family);
        DecimalLayout negative = parts.Length > 1
            ? Analyse(parts[1], properties, family)
            : positive with { Prefix = properties.MinusSign + positive.Prefix };
        return new DecimalPictureLayouts(positive, negative);
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
    private static void Validate(DecimalSubPicture parts, DecimalFormatProperties properties, DecimalDigitFamily family)
    {
        string? error = null;
        string subPicture = parts.Text;
        int decimalPosition = subPicture.IndexOf(properties.DecimalSeparator, StringComparison.Ordinal);
        if (MoreThanOnce(subPicture, properties.DecimalSeparator))
        {
            error = "D3081";
        }

        if (MoreThanOnce(subPicture, properties.Percent))
        {
            error = "D3082";
        }

        if (MoreThanOnce(subPicture, properties.PerMille))
        {
            error = "D3083";
        }

        bool percent = subPicture.Contains(properties.Percent, StringComparison.Ordinal);
        bool perMille = subPicture.Contains(properties.PerMille, StringComparison.Ordinal);
        if (percent && perMille)
        {
            error = "D3084";
        }

        bool mantissaHasDigit = false;
        foreach (char c in parts.Mantissa)
        {
            if (family.IsDigit(c) || DecimalDigitFamily.IsChar(properties.Digit, c))
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
            && (percent || perMille))
        {
            error = "D3092";
        }

        if (parts.Exponent is not null
            && (parts.Exponent.Length == 0 || family.CountDigits(parts.Exponent) != parts.Exponent.Length))
        {
            error = "D3093";
        }

        if (error is not null)
        {
            FormattingErrors.ThrowNumberPicture(error);
        }
    }

    /// <summary>§4.7.4: the variables that drive the layout.</summary>
    private static DecimalLayout Analyse(
        DecimalSubPicture parts, DecimalFormatProperties properties, DecimalDigitFamily family)
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
        return new DecimalLayout(
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
    private static int[] GroupingPositions(
        DecimalSubPicture parts, string part, bool toLeft, DecimalFormatProperties properties, DecimalDigitFamily family)
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
            string side = toLeft
                ? JavaScriptStrings.Substring(part, 0, position)
                : JavaScriptStrings.Substring(part, position);
            positions.Add(family.CountDigits(side) + CountOf(side, properties.Digit));
            position = position + 1 > parts.Integer.Length
                ? -1
                : parts.Integer.IndexOf(separator, position + 1, StringComparison.Ordinal);
        }

        return positions.ToArray();
    }

    /// <summary>§4.7.5: lays the number out.</summary>
    private static string Render(
        double value, DecimalLayout layout, DecimalFormatProperties properties, DecimalDigitFamily family)
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
        text = point == -1
            ? text + decimalSeparator
            : string.Concat(text.AsSpan(0, point), decimalSeparator, text.AsSpan(point + 1));
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

    private static bool MoreThanOnce(string text, string value) =>
        text.IndexOf(value, StringComparison.Ordinal) != text.LastIndexOf(value, StringComparison.Ordinal);

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
            if (DecimalDigitFamily.IsChar(single, c))
            {
                count++;
            }
        }

        return count;
    }

}
