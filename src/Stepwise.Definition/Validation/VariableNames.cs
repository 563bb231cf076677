using System.Globalization;
using System.Text;

namespace Stepwise.Definition.Validation;

/// <summary>
/// The rules for the names an <c>Assign</c> declares (AWS "Passing data between states with variables", variable name
/// syntax): a Unicode identifier (Unicode Standard Annex #31: an ID_Start character, then ID_Continue characters) of
/// at most 80 characters, and not the reserved <c>states</c>.
/// </summary>
internal static class VariableNames
{
    /// <summary>The longest variable name AWS accepts, in characters.</summary>
    public const int MaxLength = 80;

    /// <summary>The name JSONata states reserve for <c>$states</c>.</summary>
    public const string Reserved = "states";

    /// <summary>True when <paramref name="name"/> is a Unicode identifier.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        bool first = true;
        foreach (Rune rune in name.EnumerateRunes())
        {
            if (first ? !IsStart(rune) : !IsContinue(rune))
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    /// <summary>The length AWS counts: characters (code points), not UTF-16 units.</summary>
    public static int Length(string name)
    {
        int count = 0;
        foreach (Rune _ in name.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    // ID_Start is letters and letter numbers. The underscore is not ID_Start in UAX #31, but AWS describes its names as
    // JavaScript-like, where a leading underscore is usual; accepting it is the safer mistake.
    private static bool IsStart(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    // ID_Continue adds combining marks, decimal digits and connector punctuation (the underscore among them).
    private static bool IsContinue(Rune rune) => IsStart(rune) || Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.ConnectorPunctuation;
}
