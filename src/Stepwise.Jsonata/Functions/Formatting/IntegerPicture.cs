using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// An analysed fn:format-integer picture (XPath F&amp;O 3.1 §4.6.1) as jsonata-js reads it: the primary format token,
/// then an optional <c>;</c> format modifier of which only a leading <c>o</c> (ordinal) matters.
/// </summary>
internal sealed class IntegerPicture
{
    // The zero of every Unicode decimal digit family (Nd) in the BMP that jsonata-js recognises.
    private static readonly int[] s_decimalGroups =
    [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    ];

    private IntegerPicture(IntegerPrimaryFormat primary, LetterCase letterCase, bool ordinal)
    {
        Primary = primary;
        Case = letterCase;
        Ordinal = ordinal;
    }

    public IntegerPrimaryFormat Primary { get; private set; }

    public LetterCase Case { get; }

    public bool Ordinal { get; }

    /// <summary>The code point of the zero of the digit family used (decimal pictures).</summary>
    public int ZeroCode { get; private set; } = '0';

    /// <summary>The number of mandatory digits; date/time width modifiers raise it.</summary>
    public int MandatoryDigits { get; set; }

    public int OptionalDigits { get; private set; }

    /// <summary>
    /// When every separator is the same character at a regular interval, that interval (the separator then repeats
    /// across the whole number); zero otherwise.
    /// </summary>
    public int RegularInterval { get; private set; }

    /// <summary>The separators, right to left (position ascending); a regular picture repeats the first one.</summary>
    public IReadOnlyList<GroupingSeparator> Separators { get; private set; } = [];

    /// <summary>The unsupported numbering-sequence token (<see cref="IntegerPrimaryFormat.Sequence"/>).</summary>
    public string Token { get; private set; } = "";

    /// <summary>
    /// The exact digit count to read when parsing a date/time component that is directly followed by another integer
    /// component (no literal between them to stop at); null reads as many digits as there are.
    /// </summary>
    public int? ParseWidth { get; set; }

    /// <summary>Analyses <paramref name="picture"/>. Throws D3131 when a decimal pattern mixes digit families.</summary>
    public static IntegerPicture Analyse(string picture)
    {
        string primaryFormat = picture;
        bool ordinal = false;
        int semicolon = picture.LastIndexOf(';');
        if (semicolon >= 0)
        {
            primaryFormat = picture[..semicolon];
            ordinal = semicolon + 1 < picture.Length && picture[semicolon + 1] == 'o';
        }

        switch (primaryFormat)
        {
            case "A":
                return new IntegerPicture(IntegerPrimaryFormat.Letters, LetterCase.Upper, ordinal);
            case "a":
                return new IntegerPicture(IntegerPrimaryFormat.Letters, LetterCase.Lower, ordinal);
            case "I":
                return new IntegerPicture(IntegerPrimaryFormat.Roman, LetterCase.Upper, ordinal);
            case "i":
                return new IntegerPicture(IntegerPrimaryFormat.Roman, LetterCase.Lower, ordinal);
            case "W":
                return new IntegerPicture(IntegerPrimaryFormat.Words, LetterCase.Upper, ordinal);
            case "Ww":
                return new IntegerPicture(IntegerPrimaryFormat.Words, LetterCase.Title, ordinal);
            case "w":
                return new IntegerPicture(IntegerPrimaryFormat.Words, LetterCase.Lower, ordinal);
        }

        var result = new IntegerPicture(IntegerPrimaryFormat.Decimal, LetterCase.Lower, ordinal);
        result.AnalyseDecimalPattern(primaryFormat);
        return result;
    }

    private void AnalyseDecimalPattern(string pattern)
    {
        int zeroCode = -1;
        int mandatory = 0;
        int optional = 0;
        int position = 0;
        var separators = new List<GroupingSeparator>();

        // Walk right to left so that each separator's position is the number of digit signs to its right.
        var runes = new List<Rune>(pattern.Length);
        foreach (Rune rune in pattern.EnumerateRunes())
        {
            runes.Add(rune);
        }

        for (int i = runes.Count - 1; i >= 0; i--)
        {
            int codePoint = runes[i].Value;
            int group = DecimalGroupOf(codePoint);
            if (group >= 0)
            {
                mandatory++;
                position++;
                if (zeroCode < 0)
                {
                    zeroCode = group;
                }
                else if (group != zeroCode)
                {
                    FormattingErrors.ThrowMixedDecimalGroups();
                }
            }
            else if (codePoint == '#')
            {
                position++;
                optional++;
            }
            else
            {
                // Neither a digit nor '#': jsonata-js takes any other character for a grouping separator.
                separators.Add(new GroupingSeparator(position, runes[i].ToString()));
            }
        }

        if (mandatory == 0)
        {
            // Not a decimal digit pattern: a numbering sequence, which jsonata-js does not implement.
            Primary = IntegerPrimaryFormat.Sequence;
            Token = pattern;
            return;
        }

        ZeroCode = zeroCode;
        MandatoryDigits = mandatory;
        OptionalDigits = optional;
        RegularInterval = RegularGrouping(separators);
        Separators = separators;
    }

    private static int DecimalGroupOf(int codePoint)
    {
        foreach (int group in s_decimalGroups)
        {
            if (codePoint >= group && codePoint <= group + 9)
            {
                return group;
            }
        }

        return -1;
    }

    /// <summary>
    /// The interval of a regular grouping (XPath F&amp;O §4.6.1: same character, positions all multiples of one
    /// interval, the first multiples all present), or zero.
    /// </summary>
    internal static int RegularGrouping(List<GroupingSeparator> separators)
    {
        if (separators.Count == 0)
        {
            return 0;
        }

        string character = separators[0].Character;
        int factor = 0;
        foreach (GroupingSeparator separator in separators)
        {
            if (separator.Character != character)
            {
                return 0;
            }

            factor = factor == 0 ? separator.Position : Gcd(factor, separator.Position);
        }

        return EveryMultiplePresent(separators, factor) ? factor : 0;
    }

    private static bool EveryMultiplePresent(List<GroupingSeparator> separators, int factor)
    {
        for (int multiple = 1; multiple <= separators.Count; multiple++)
        {
            bool found = false;
            foreach (GroupingSeparator separator in separators)
            {
                if (separator.Position == multiple * factor)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
