using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>Formats and reads integers with an analysed <see cref="IntegerPicture"/>, as jsonata-js does.</summary>
internal static class IntegerFormatter
{
    /// <summary>
    /// Formats an integer. The value is a double because jsonata-js formats whatever number it holds: beyond 1e21
    /// a decimal picture prints JavaScript's exponent form ("1e+21"), as the reference does.
    /// </summary>
    public static string Format(double value, IntegerPicture picture)
    {
        bool negative = value < 0;
        value = Math.Abs(value);
        string formatted;
        switch (picture.Primary)
        {
            case IntegerPrimaryFormat.Letters:
                formatted = AlphabeticNumbering.FromNumber(value, picture.Case == LetterCase.Upper ? 'A' : 'a');
                break;
            case IntegerPrimaryFormat.Roman:
                formatted = RomanNumerals.FromNumber(value);
                if (picture.Case == LetterCase.Upper)
                {
                    formatted = formatted.ToUpperInvariant();
                }

                break;
            case IntegerPrimaryFormat.Words:
                if (double.IsNaN(value))
                {
                    // Only an invalid date gets here; jsonata-js recurses until its stack overflows.
                    FormattingErrors.ThrowInvalidDateName();
                }

                formatted = EnglishNumberWords.ToWords(value, picture.Ordinal);
                formatted = picture.Case switch
                {
                    LetterCase.Upper => formatted.ToUpperInvariant(),
                    LetterCase.Lower => formatted.ToLowerInvariant(),
                    _ => formatted,
                };
                break;
            case IntegerPrimaryFormat.Decimal:
                formatted = FormatDecimal(value, picture);
                break;
            default:
                FormattingErrors.ThrowUnsupportedSequence(picture.Token);
                return "";
        }

        return negative ? "-" + formatted : formatted;
    }

    /// <summary>
    /// Reads an integer written with <paramref name="picture"/>. Like jsonata-js this does not validate the text: what
    /// it cannot read comes out as NaN (or as the digits it could read, for decimal pictures).
    /// </summary>
    public static double Parse(string text, IntegerPicture picture)
    {
        bool upper = picture.Case == LetterCase.Upper;
        switch (picture.Primary)
        {
            case IntegerPrimaryFormat.Letters:
                return AlphabeticNumbering.ToNumber(text, upper ? 'A' : 'a');
            case IntegerPrimaryFormat.Roman:
                return RomanNumerals.ToNumber(upper ? text : text.ToUpperInvariant());
            case IntegerPrimaryFormat.Words:
                return EnglishNumberWords.ToNumber(text.ToLowerInvariant());
            case IntegerPrimaryFormat.Decimal:
                return ParseDecimal(text, picture);
            default:
                FormattingErrors.ThrowUnsupportedSequence(picture.Token);
                return double.NaN;
        }
    }

    private static string FormatDecimal(double value, IntegerPicture picture)
    {
        string digits = JavaScriptNumbers.ToString(value);
        if (picture.MandatoryDigits > digits.Length)
        {
            digits = new string('0', picture.MandatoryDigits - digits.Length) + digits;
        }

        if (picture.ZeroCode != '0')
        {
            // Shift every character (jsonata-js shifts the '.' and 'e' of a non-integer too) into the digit family.
            var shifted = new StringBuilder(digits.Length);
            foreach (Rune rune in digits.EnumerateRunes())
            {
                shifted.Append(char.ConvertFromUtf32(rune.Value + picture.ZeroCode - '0'));
            }

            digits = shifted.ToString();
        }

        if (picture.RegularInterval > 0)
        {
            string separator = picture.Separators[0].Character;
            int groups = (digits.Length - 1) / picture.RegularInterval;
            for (int group = groups; group > 0; group--)
            {
                int position = digits.Length - (group * picture.RegularInterval);
                digits = digits.Insert(position, separator);
            }
        }
        else
        {
            // Leftmost separator first, so that the positions (counted from the right) of the others still hold. A
            // separator further left than there are digits makes jsonata-js's substr count from the end and drop
            // digits (162 with ",19#0 " is ",2 "); that is reproduced.
            for (int i = picture.Separators.Count - 1; i >= 0; i--)
            {
                GroupingSeparator separator = picture.Separators[i];
                int position = digits.Length - separator.Position;
                digits = JavaScriptStrings.Substr(digits, 0, position) + separator.Character
                    + JavaScriptStrings.Substr(digits, position);
            }
        }

        if (picture.Ordinal)
        {
            digits += OrdinalSuffix(digits);
        }

        return digits;
    }

    private static string OrdinalSuffix(string digits)
    {
        char last = digits[^1];
        bool teen = digits.Length > 1 && digits[^2] == '1';
        if (teen)
        {
            return "th";
        }

        return last switch
        {
            '1' => "st",
            '2' => "nd",
            '3' => "rd",
            _ => "th",
        };
    }

    private static double ParseDecimal(string text, IntegerPicture picture)
    {
        string digits = text;
        if (picture.Ordinal)
        {
            digits = digits.Length >= 2 ? digits[..^2] : "";
        }

        if (picture.RegularInterval > 0)
        {
            // jsonata-js strips commas here whatever the picture's separator is.
            digits = digits.Replace(",", "", StringComparison.Ordinal);
        }
        else
        {
            foreach (GroupingSeparator separator in picture.Separators)
            {
                digits = digits.Replace(separator.Character, "", StringComparison.Ordinal);
            }
        }

        if (picture.ZeroCode != '0')
        {
            var shifted = new StringBuilder(digits.Length);
            foreach (char c in digits)
            {
                int codePoint = c - picture.ZeroCode + '0';
                if (codePoint < 0)
                {
                    // A character below the picture's digit family (an ASCII digit, a letter): jsonata-js fails
                    // with a JavaScript RangeError ("Invalid code point"); this says what is wrong in JSONata terms.
                    FormattingErrors.ThrowMixedDecimalGroups();
                }

                // Shifted units above the family stay non-digits (a lone surrogate included), as in jsonata-js.
                shifted.Append((char)codePoint);
            }

            digits = shifted.ToString();
        }

        return JavaScriptNumbers.ParseInt(digits);
    }
}
