namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// JavaScript's forgiving string slicing, which jsonata-js's picture code relies on: out-of-range indexes clamp
/// instead of throwing, <c>substring</c> swaps reversed bounds and <c>slice</c> counts negative indexes from the end.
/// </summary>
internal static class JavaScriptStrings
{
    /// <summary><c>s.substring(start, end)</c>.</summary>
    public static string Substring(string s, int start, int end)
    {
        start = Math.Clamp(start, 0, s.Length);
        end = Math.Clamp(end, 0, s.Length);
        if (start > end)
        {
            (start, end) = (end, start);
        }

        return s[start..end];
    }

    /// <summary><c>s.substring(start)</c>.</summary>
    public static string Substring(string s, int start) => Substring(s, start, s.Length);

    /// <summary><c>s.slice(start, end)</c>.</summary>
    public static string Slice(string s, int start, int end)
    {
        start = start < 0 ? Math.Max(s.Length + start, 0) : Math.Min(start, s.Length);
        end = end < 0 ? Math.Max(s.Length + end, 0) : Math.Min(end, s.Length);
        return start < end ? s[start..end] : "";
    }

    /// <summary><c>s.slice(start)</c>.</summary>
    public static string Slice(string s, int start) => Slice(s, start, s.Length);

    /// <summary>
    /// <c>s.substr(start, length)</c>: a negative start counts from the end, a negative length is empty. (jsonata-js
    /// inserts grouping separators with it, and a separator placed left of all the digits then cuts digits off.)
    /// </summary>
    public static string Substr(string s, int start, int length)
    {
        start = start < 0 ? Math.Max(s.Length + start, 0) : Math.Min(start, s.Length);
        length = Math.Clamp(length, 0, s.Length - start);
        return s.Substring(start, length);
    }

    /// <summary><c>s.substr(start)</c>.</summary>
    public static string Substr(string s, int start) => Substr(s, start, s.Length);

    /// <summary><c>s.charAt(index)</c> as a string: empty when out of range.</summary>
    public static string CharAt(string s, int index) => index >= 0 && index < s.Length ? s[index].ToString() : "";
}
