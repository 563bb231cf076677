using System.Globalization;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// One part of a timestamp picture prepared for <c>$toMillis</c>: the regular expression that matches it and how to
/// read the captured text as the component's value, as jsonata-js's <c>generateRegex</c> prepares it.
/// </summary>
internal sealed class ComponentReader
{
    private static readonly string s_wordsPattern = BuildWordsPattern();

    private readonly ReaderKind _kind;
    private readonly IntegerPicture? _integerFormat;
    private readonly string? _separator;
    private readonly Dictionary<string, double>? _names;

    private ComponentReader(
        ReaderKind kind,
        string pattern,
        char component,
        IntegerPicture? integerFormat = null,
        string? separator = null,
        Dictionary<string, double>? names = null)
    {
        _kind = kind;
        Pattern = pattern;
        Component = component;
        _integerFormat = integerFormat;
        _separator = separator;
        _names = names;
    }

    private enum ReaderKind
    {
        Literal,
        Timezone,
        GmtTimezone,
        Fraction,
        Integer,
        Name,
    }

    /// <summary>The regular expression of the part (without its capturing group).</summary>
    public string Pattern { get; }

    /// <summary>The component the part gives a value to; <c>'\0'</c> for literal text.</summary>
    public char Component { get; }

    public bool IsLiteral => _kind == ReaderKind.Literal;

    /// <summary>Prepares a picture part.</summary>
    /// <exception cref="JsonataException">
    /// D3130 for an unsupported integer picture; D3133 for a name on a component that has none.
    /// </exception>
    public static ComponentReader Create(DateTimeMarker part)
    {
        if (part.Literal is string literal)
        {
            return new ComponentReader(ReaderKind.Literal, System.Text.RegularExpressions.Regex.Escape(literal), '\0');
        }

        char component = part.ComponentChar;
        if (component is 'Z' or 'z')
        {
            IntegerPicture format = part.IntegerFormat!;
            string? separator = format.RegularInterval > 0 ? format.Separators[0].Character : null;
            // jsonata-js puts the separator into the expression unescaped.
            string pattern = (component == 'z' ? "GMT" : "") + "[-+][0-9]+"
                + (separator is null ? "" : separator + "[0-9]+");
            ReaderKind kind = component == 'z' ? ReaderKind.GmtTimezone : ReaderKind.Timezone;
            return new ComponentReader(kind, pattern, component, separator: separator);
        }

        if (component == 'f')
        {
            return new ComponentReader(ReaderKind.Fraction, "[0-9]+", component);
        }

        if (part.IntegerFormat is IntegerPicture integerFormat)
        {
            return new ComponentReader(ReaderKind.Integer, IntegerPattern(integerFormat), component, integerFormat);
        }

        return new ComponentReader(ReaderKind.Name, "[a-zA-Z]+", component, names: NameLookup(part));
    }

    /// <summary>
    /// The component's value read from the captured text, or null for a name jsonata-js does not know (its lookup
    /// yields undefined, and the component then counts as not given).
    /// </summary>
    public double? Read(string text)
    {
        switch (_kind)
        {
            case ReaderKind.Timezone:
            case ReaderKind.GmtTimezone:
                return ReadOffsetMinutes(_kind == ReaderKind.GmtTimezone ? text[3..] : text);
            case ReaderKind.Fraction:
            {
                // The first three digits are the milliseconds; finer digits are dropped (jsonata 2.1.1 and later).
                string millis = text.Length > 3 ? text[..3] : text;
                return double.Parse("0." + millis, CultureInfo.InvariantCulture) * 1000;
            }

            case ReaderKind.Integer:
                return IntegerFormatter.Parse(text, _integerFormat!);
            case ReaderKind.Name:
                return _names!.TryGetValue(text, out double value) ? value : null;
            default:
                return null;
        }
    }

    private double ReadOffsetMinutes(string text)
    {
        double hours;
        double minutes = 0;
        if (_separator is not null)
        {
            int at = text.IndexOf(_separator, StringComparison.Ordinal);
            hours = JavaScriptNumbers.ParseInt(text[..at]);
            minutes = JavaScriptNumbers.ParseInt(text[(at + _separator.Length)..]);
        }
        else if (text.Length - 1 <= 2)
        {
            hours = JavaScriptNumbers.ParseInt(text);
        }
        else
        {
            // "+hhmm": the sign goes with the hours only, so "-0530" reads as -5 h + 30 min, as in jsonata-js.
            hours = JavaScriptNumbers.ParseInt(text[..3]);
            minutes = JavaScriptNumbers.ParseInt(text[3..]);
        }

        return (hours * 60) + minutes;
    }

    private static string IntegerPattern(IntegerPicture format)
    {
        bool upper = format.Case == LetterCase.Upper;
        switch (format.Primary)
        {
            case IntegerPrimaryFormat.Letters:
                return upper ? "[A-Z]+" : "[a-z]+";
            case IntegerPrimaryFormat.Roman:
                return upper ? "[MDCLXVI]+" : "[mdclxvi]+";
            case IntegerPrimaryFormat.Words:
                return s_wordsPattern;
            case IntegerPrimaryFormat.Decimal:
                // Only ASCII digits are recognised here, whatever the picture's digit family, as in jsonata-js.
                string pattern = format.ParseWidth is int width and > 0
                    ? "[0-9]{" + width.ToString(CultureInfo.InvariantCulture) + "}"
                    : "[0-9]+";
                return format.Ordinal ? pattern + "(?:th|st|nd|rd)" : pattern;
            default:
                FormattingErrors.ThrowUnsupportedSequence(format.Token);
                return "";
        }
    }

    private static Dictionary<string, double> NameLookup(DateTimeMarker part)
    {
        // The expression ignores case but this lookup does not (jsonata-js): "MARCH" matches and reads as undefined.
        var lookup = new Dictionary<string, double>(StringComparer.Ordinal);
        switch (part.ComponentChar)
        {
            case 'M' or 'x':
                for (int i = 0; i < DateTimeFormatter.MonthNames.Count; i++)
                {
                    lookup[Truncate(DateTimeFormatter.MonthNames[i], part.MaxWidth)] = i + 1;
                }

                break;
            case 'F':
                for (int i = 1; i < DateTimeFormatter.DayNames.Count; i++)
                {
                    lookup[Truncate(DateTimeFormatter.DayNames[i], part.MaxWidth)] = i;
                }

                break;
            case 'P':
                lookup["am"] = 0;
                lookup["AM"] = 0;
                lookup["pm"] = 1;
                lookup["PM"] = 1;
                break;
            default:
                FormattingErrors.ThrowNameModifier(part.Component);
                break;
        }

        return lookup;
    }

    private static string Truncate(string name, int? maxWidth) =>
        maxWidth is int max && max > 0 && name.Length > max ? name[..max] : name;

    private static string BuildWordsPattern()
    {
        var builder = new System.Text.StringBuilder("(?:");
        foreach (string word in EnglishNumberWords.KnownWords)
        {
            builder.Append(word).Append('|');
        }

        builder.Append(@"and|[\-, ])+");
        return builder.ToString();
    }
}
