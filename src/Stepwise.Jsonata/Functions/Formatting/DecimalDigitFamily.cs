using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>The ten digits starting at the zero-digit property, and the picture's active characters.</summary>
internal readonly struct DecimalDigitFamily(DecimalFormatProperties properties)
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

    /// <summary>Whether a one-character property is <paramref name="c"/>; a longer property never matches one char.</summary>
    public static bool IsChar(string property, char c) => property.Length == 1 && property[0] == c;

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
