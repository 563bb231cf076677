namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>The case of letters, words and names in a formatted integer or date/time component.</summary>
internal enum LetterCase
{
    Lower,
    Upper,
    Title,
}
