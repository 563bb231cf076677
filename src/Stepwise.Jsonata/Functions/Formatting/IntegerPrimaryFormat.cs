namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>The primary format token of an fn:format-integer picture (XPath F&amp;O 3.1 §4.6.1).</summary>
internal enum IntegerPrimaryFormat
{
    /// <summary>A decimal digit pattern such as <c>#,##0</c> or <c>0001</c>.</summary>
    Decimal,

    /// <summary><c>a</c> or <c>A</c>: a, b, …, z, aa, ab, …</summary>
    Letters,

    /// <summary><c>i</c> or <c>I</c>: roman numerals.</summary>
    Roman,

    /// <summary><c>w</c>, <c>W</c> or <c>Ww</c>: English words.</summary>
    Words,

    /// <summary>Any other token: a numbering sequence, which jsonata-js does not support (D3130).</summary>
    Sequence,
}
