using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>Spreadsheet-column numbering for the <c>a</c>/<c>A</c> pictures: a … z, aa, ab, … (bijective base 26).</summary>
internal static class AlphabeticNumbering
{
    /// <summary>The letters for a non-negative integer, starting the sequence at <paramref name="first"/>.</summary>
    public static string FromNumber(double value, char first)
    {
        var builder = new StringBuilder();
        while (value > 0)
        {
            builder.Insert(0, (char)(((value - 1) % 26) + first));
            value = Math.Floor((value - 1) / 26);
        }

        return builder.ToString();
    }

    /// <summary>Reads letters back; like jsonata-js it does not check that they are letters.</summary>
    public static double ToNumber(string letters, char first)
    {
        double result = 0;
        for (int i = 0; i < letters.Length; i++)
        {
            result += (letters[letters.Length - i - 1] - first + 1) * Math.Pow(26, i);
        }

        return result;
    }
}
