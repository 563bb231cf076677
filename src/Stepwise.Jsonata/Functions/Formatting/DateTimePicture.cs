using System.Text;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// An analysed fn:format-dateTime picture string (XPath F&amp;O 3.1 §9.8.4), as jsonata-js reads it: literal text
/// with <c>[[</c> and <c>]]</c> for brackets, and variable markers <c>[</c>component presentation-modifiers
/// <c>,</c>width<c>]</c> in which white space is ignored.
/// </summary>
internal sealed class DateTimePicture
{
    /// <summary>The picture of ISO 8601 timestamps, jsonata-js's default.</summary>
    public const string Iso8601 = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

    private static readonly Dictionary<char, string> s_defaultPresentation = new()
    {
        ['Y'] = "1", ['M'] = "1", ['D'] = "1", ['d'] = "1", ['F'] = "n", ['W'] = "1", ['w'] = "1", ['X'] = "1",
        ['x'] = "1", ['H'] = "1", ['h'] = "1", ['P'] = "n", ['m'] = "01", ['s'] = "01", ['f'] = "1", ['Z'] = "01:01",
        ['z'] = "01:01", ['C'] = "n", ['E'] = "n",
    };

    private static readonly PictureCache<DateTimePicture> s_cache = new(AnalyseUncached);

    private static readonly DateTimePicture s_iso8601 = AnalyseUncached(Iso8601);

    private DateTimePicture(List<DateTimeMarker> parts) => Parts = parts;

    public IReadOnlyList<DateTimeMarker> Parts { get; }

    /// <summary>The picture (ISO 8601 when null), analysed once per picture text and then shared.</summary>
    /// <exception cref="JsonataException">D3135 (unclosed marker), D3132 (unknown component), D3131.</exception>
    public static DateTimePicture Analyse(string? picture) => picture is null ? s_iso8601 : s_cache.Get(picture);

    private static DateTimePicture AnalyseUncached(string picture)
    {
        var parts = new List<DateTimeMarker>();
        int start = 0;
        int position = 0;
        while (position < picture.Length)
        {
            if (picture[position] == '[')
            {
                if (position + 1 < picture.Length && picture[position + 1] == '[')
                {
                    AddLiteral(parts, picture, start, position);
                    parts.Add(new DateTimeMarker { Literal = "[" });
                    position += 2;
                    start = position;
                    continue;
                }

                AddLiteral(parts, picture, start, position);
                start = position;
                position = picture.IndexOf(']', start);
                if (position == -1)
                {
                    FormattingErrors.ThrowNoClosingBracket();
                }

                parts.Add(AnalyseMarker(RemoveWhiteSpace(picture.AsSpan(start + 1, position - start - 1)), parts));
                start = position + 1;
            }

            position++;
        }

        AddLiteral(parts, picture, start, position);
        return new DateTimePicture(parts);
    }

    private static void AddLiteral(List<DateTimeMarker> parts, string picture, int start, int end)
    {
        if (end > start)
        {
            // A doubled ]] in literal text stands for one ]; a single ] stays as it is.
            parts.Add(new DateTimeMarker { Literal = picture[start..end].Replace("]]", "]", StringComparison.Ordinal) });
        }
    }

    private static string RemoveWhiteSpace(ReadOnlySpan<char> marker)
    {
        var builder = new StringBuilder(marker.Length);
        foreach (char c in marker)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static DateTimeMarker AnalyseMarker(string marker, List<DateTimeMarker> previousParts)
    {
        var def = new DateTimeMarker { Component = marker.Length > 0 ? marker[..1] : "" };
        char component = def.ComponentChar;

        string presentation;
        int comma = marker.LastIndexOf(',');
        if (comma != -1)
        {
            // §9.8.4.2: ",min" or ",min-max", either of which may be "*".
            string width = marker[(comma + 1)..];
            int dash = width.IndexOf('-');
            def.MinWidth = ParseWidth(dash == -1 ? width : width[..dash]);
            def.MaxWidth = dash == -1 ? null : ParseWidth(width[(dash + 1)..]);
            presentation = JavaScriptStrings.Substring(marker, 1, comma);
        }
        else
        {
            presentation = JavaScriptStrings.Substring(marker, 1);
        }

        if (presentation.Length == 1)
        {
            def.Presentation1 = presentation;
        }
        else if (presentation.Length > 1)
        {
            char last = presentation[^1];
            if (last is 'a' or 't' or 'c' or 'o')
            {
                // 'o' asks for an ordinal; 'c' (cardinal) is the default; jsonata-js ignores 'a' and 't' here,
                // except that 't' on a timezone prints a zero offset as "Z".
                def.Presentation2 = last;
                def.Presentation1 = presentation[..^1];
            }
            else
            {
                def.Presentation1 = presentation;
            }
        }
        else if (s_defaultPresentation.TryGetValue(component, out string? defaultPresentation))
        {
            def.Presentation1 = defaultPresentation;
        }
        else
        {
            FormattingErrors.ThrowUnknownComponent(def.Component);
        }

        if (def.Presentation1[0] == 'n')
        {
            def.Names = LetterCase.Lower;
        }
        else if (def.Presentation1[0] == 'N')
        {
            def.Names = def.Presentation1.Length > 1 && def.Presentation1[1] == 'n' ? LetterCase.Title : LetterCase.Upper;
        }
        else if ("YMDdFWwXxHhmsf".Contains(component, StringComparison.Ordinal) && component != '\0')
        {
            AnalyseIntegerComponent(def, previousParts);
        }

        if (component is 'Z' or 'z')
        {
            def.IntegerFormat = IntegerPicture.Analyse(def.Presentation1);
        }

        return def;
    }

    private static void AnalyseIntegerComponent(DateTimeMarker def, List<DateTimeMarker> previousParts)
    {
        string pattern = def.Presentation2 is char modifier ? def.Presentation1 + ";" + modifier : def.Presentation1;
        IntegerPicture format = IntegerPicture.Analyse(pattern);
        def.IntegerFormat = format;
        bool decimalPattern = format.Primary == IntegerPrimaryFormat.Decimal;

        // A minimum width raises the number of mandatory digits (jsonata-js only counts digits of decimal patterns).
        if (decimalPattern && def.MinWidth is int min && format.MandatoryDigits < min)
        {
            format.MandatoryDigits = min;
        }

        if (def.ComponentChar == 'Y')
        {
            // §9.8.4.4: a maximum width, or else a picture of two or more digit signs, keeps that many digits.
            if (def.MaxWidth is int max)
            {
                def.YearDigits = max;
                format.MandatoryDigits = max;
            }
            else if (decimalPattern && format.MandatoryDigits + format.OptionalDigits >= 2)
            {
                def.YearDigits = format.MandatoryDigits + format.OptionalDigits;
            }
        }

        // With no literal between two integer markers ("[Y0001][M01]"), the first must be read with a fixed width.
        if (previousParts.Count > 0 && previousParts[^1].IntegerFormat is IntegerPicture previous)
        {
            previous.ParseWidth = previous.Primary == IntegerPrimaryFormat.Decimal ? previous.MandatoryDigits : null;
        }
    }

    private static int? ParseWidth(string width)
    {
        if (width == "*")
        {
            return null;
        }

        double value = JavaScriptNumbers.ParseInt(width);
        return double.IsFinite(value) && Math.Abs(value) < int.MaxValue ? (int)value : null;
    }
}
