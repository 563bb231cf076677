using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>Roman numerals for the <c>i</c>/<c>I</c> pictures (no upper bound: 4000 is "mmmm").</summary>
internal static class RomanNumerals
{
    private static readonly (int Value, string Numeral)[] s_numerals =
    [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
        (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ];

    // jsonata-js writes numerals recursively, one call per numeral, and runs out of stack somewhere past 10 million
    // (some 10,000 m's; the exact point depends on its stack). Past that bound this fails too, rather than build a
    // string of any length.
    private const double Limit = 10_000_000;

    /// <summary>The lower-case numeral for a non-negative integer; zero is the empty string.</summary>
    /// <exception cref="JsonataException">U1001 from 10,000,000 up, where jsonata-js overflows its stack.</exception>
    public static string FromNumber(double value)
    {
        if (value >= Limit)
        {
            throw new JsonataException(
                "U1001", "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.");
        }

        var builder = new StringBuilder();
        foreach ((int numeralValue, string numeral) in s_numerals)
        {
            while (value >= numeralValue)
            {
                builder.Append(numeral);
                value -= numeralValue;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads an upper-case numeral right to left, subtracting a digit smaller than the largest seen so far. Any other
    /// character makes the result NaN, as in jsonata-js.
    /// </summary>
    public static double ToNumber(string numeral)
    {
        double result = 0;
        int max = 1;
        for (int i = numeral.Length - 1; i >= 0; i--)
        {
            int value = numeral[i] switch
            {
                'M' => 1000,
                'D' => 500,
                'C' => 100,
                'L' => 50,
                'X' => 10,
                'V' => 5,
                'I' => 1,
                _ => 0,
            };
            if (value == 0)
            {
                return double.NaN;
            }

            if (value < max)
            {
                result -= value;
            }
            else
            {
                max = value;
                result += value;
            }
        }

        return result;
    }
}
