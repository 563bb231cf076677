namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// One part of an analysed date/time picture: literal text, or a variable marker such as <c>[M01]</c> or
/// <c>[FNn,3-3]</c> (XPath F&amp;O 3.1 §9.8.4.1).
/// </summary>
internal sealed class DateTimeMarker
{
    /// <summary>The literal text of a literal part (doubled brackets already undoubled); null for a marker.</summary>
    public string? Literal { get; init; }

    /// <summary>The component specifier (<c>Y</c>, <c>M</c>, …); empty for an empty marker <c>[]</c>.</summary>
    public string Component { get; init; } = "";

    /// <summary>The first presentation modifier (<c>01</c>, <c>Nn</c>, <c>w</c>, …), defaulted per component.</summary>
    public string Presentation1 { get; set; } = "";

    /// <summary>The second presentation modifier: <c>o</c> (ordinal), <c>c</c>, <c>a</c> or <c>t</c>; null if none.</summary>
    public char? Presentation2 { get; set; }

    /// <summary>The minimum width from a width modifier (<c>,2</c>, <c>,2-3</c>); null when absent or <c>*</c>.</summary>
    public int? MinWidth { get; set; }

    /// <summary>The maximum width from a width modifier (<c>,2-3</c>); null when absent or <c>*</c>.</summary>
    public int? MaxWidth { get; set; }

    /// <summary>The case of a name (month, day, am/pm) when the marker asks for one (<c>N</c>, <c>n</c>, <c>Nn</c>).</summary>
    public LetterCase? Names { get; set; }

    /// <summary>How the component's number is written, for integer-valued components and timezones.</summary>
    public IntegerPicture? IntegerFormat { get; set; }

    /// <summary>
    /// For the year: how many trailing digits to keep (§9.8.4.4: <c>[Y01]</c> is a two-digit year), or -1 for all.
    /// </summary>
    public int YearDigits { get; set; } = -1;

    public bool IsLiteral => Literal is not null;

    public char ComponentChar => Component.Length > 0 ? Component[0] : '\0';
}
