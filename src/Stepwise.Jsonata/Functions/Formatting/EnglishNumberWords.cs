using System.Text;
using System.Text.RegularExpressions;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// English number words as jsonata-js writes and reads them for the <c>w</c>/<c>W</c>/<c>Ww</c> pictures: British
/// "and" after hundreds and before a last group under a hundred, commas between groups, and nothing beyond
/// "trillion" (larger numbers repeat it: 1e15 is "one thousand trillion").
/// </summary>
internal static partial class EnglishNumberWords
{
    private static readonly string[] s_few =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
        "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] s_ordinals =
    [
        "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth",
    ];

    private static readonly string[] s_decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"];

    private static readonly string[] s_magnitudes = ["Thousand", "Million", "Billion", "Trillion"];

    private static readonly Dictionary<string, double> s_wordValues = CreateWordValues();

    /// <summary>The words, in title case, for a non-negative integer.</summary>
    public static string ToWords(double value, bool ordinal)
    {
        if (!double.IsFinite(value))
        {
            // jsonata-js recurses without end on these; the callers never pass them (see IntegerFormatter).
            return JavaScriptNumbers.ToString(value);
        }

        var builder = new StringBuilder();
        Append(builder, value, previous: false, ordinal);
        return builder.ToString();
    }

    /// <summary>
    /// Reads number words (lower case) back. A word jsonata-js does not know makes the result NaN, as it does there.
    /// </summary>
    public static double ToNumber(string text)
    {
        string[] words = WordSeparator().Split(text);
        var segments = new List<double> { 0 };
        foreach (string word in words)
        {
            double value = s_wordValues.TryGetValue(word, out double known) ? known : double.NaN;
            if (value < 100)
            {
                double top = Pop(segments);
                if (top >= 1000)
                {
                    segments.Add(top);
                    top = 0;
                }

                segments.Add(top + value);
            }
            else
            {
                // A multiplier ("hundred", "thousand", …), or NaN for an unknown word.
                segments.Add(Pop(segments) * value);
            }
        }

        double sum = 0;
        foreach (double segment in segments)
        {
            sum += segment;
        }

        return sum;
    }

    /// <summary>The words <see cref="ToNumber"/> knows, as a regular-expression alternation (for date/time parsing).</summary>
    public static IEnumerable<string> KnownWords => s_wordValues.Keys;

    private static double Pop(List<double> segments)
    {
        double top = segments[^1];
        segments.RemoveAt(segments.Count - 1);
        return top;
    }

    private static void Append(StringBuilder builder, double number, bool previous, bool ordinal)
    {
        if (number <= 19)
        {
            if (previous)
            {
                builder.Append(" and ");
            }

            builder.Append(ordinal ? s_ordinals[(int)number] : s_few[(int)number]);
        }
        else if (number < 100)
        {
            int tens = (int)Math.Floor(number / 10);
            double remainder = number % 10;
            if (previous)
            {
                builder.Append(" and ");
            }

            string decade = s_decades[tens - 2];
            if (remainder > 0)
            {
                builder.Append(decade).Append('-');
                Append(builder, remainder, previous: false, ordinal);
            }
            else if (ordinal)
            {
                // Twenty → Twentieth.
                builder.Append(decade, 0, decade.Length - 1).Append("ieth");
            }
            else
            {
                builder.Append(decade);
            }
        }
        else if (number < 1000)
        {
            int hundreds = (int)Math.Floor(number / 100);
            double remainder = number % 100;
            if (previous)
            {
                builder.Append(", ");
            }

            builder.Append(s_few[hundreds]).Append(" Hundred");
            AppendRemainder(builder, remainder, ordinal);
        }
        else
        {
            int magnitude = (int)Math.Floor(Math.Log10(number) / 3);
            if (magnitude > s_magnitudes.Length)
            {
                magnitude = s_magnitudes.Length;
            }

            double factor = Math.Pow(10, magnitude * 3);
            double mantissa = Math.Floor(number / factor);
            double remainder = number - (mantissa * factor);
            if (previous)
            {
                builder.Append(", ");
            }

            Append(builder, mantissa, previous: false, ordinal: false);
            builder.Append(' ').Append(s_magnitudes[magnitude - 1]);
            AppendRemainder(builder, remainder, ordinal);
        }
    }

    private static void AppendRemainder(StringBuilder builder, double remainder, bool ordinal)
    {
        if (remainder > 0)
        {
            Append(builder, remainder, previous: true, ordinal);
        }
        else if (ordinal)
        {
            builder.Append("th");
        }
    }

    private static Dictionary<string, double> CreateWordValues()
    {
        // Insertion order matters: date/time parsing builds its alternation from these keys in this order.
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < s_few.Length; i++)
        {
            values[s_few[i].ToLowerInvariant()] = i;
        }

        for (int i = 0; i < s_ordinals.Length; i++)
        {
            values[s_ordinals[i].ToLowerInvariant()] = i;
        }

        for (int i = 0; i < s_decades.Length; i++)
        {
            string word = s_decades[i].ToLowerInvariant();
            values[word] = (i + 2) * 10;
            values[word[..^1] + "ieth"] = (i + 2) * 10;
        }

        values["hundredth"] = 100;
        for (int i = 0; i < s_magnitudes.Length; i++)
        {
            string word = s_magnitudes[i].ToLowerInvariant();
            double value = Math.Pow(10, (i + 1) * 3);
            values[word] = value;
            values[word + "th"] = value;
        }

        return values;
    }

    // jsonata-js splits on ", ", " and ", or any single white space, backslash or hyphen.
    [GeneratedRegex(@",\s|\sand\s|[\s\\-]")]
    private static partial Regex WordSeparator();
}
