using System.Text;
using System.Text.RegularExpressions;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// A date/time picture turned into what <c>$toMillis</c> matches timestamps with: one anchored, case-insensitive
/// regular expression with a capturing group per picture part, and a reader per part. Built once per picture text.
/// </summary>
internal sealed class TimestampPattern
{
    private static readonly PictureCache<TimestampPattern> s_cache = new(Create);

    private TimestampPattern(Regex regex, ComponentReader[] readers)
    {
        Regex = regex;
        Readers = readers;
    }

    public Regex Regex { get; }

    /// <summary>The readers, in the order of the expression's groups (group i + 1 is reader i).</summary>
    public IReadOnlyList<ComponentReader> Readers { get; }

    /// <summary>The pattern for <paramref name="picture"/>, from the cache when it was built before.</summary>
    /// <exception cref="JsonataException">D3130–D3135 for an invalid picture.</exception>
    public static TimestampPattern For(string picture) => s_cache.Get(picture);

    private static TimestampPattern Create(string picture)
    {
        DateTimePicture format = DateTimePicture.Analyse(picture);
        var readers = new ComponentReader[format.Parts.Count];
        var pattern = new StringBuilder("^");
        for (int i = 0; i < readers.Length; i++)
        {
            readers[i] = ComponentReader.Create(format.Parts[i]);
            pattern.Append('(').Append(readers[i].Pattern).Append(')');
        }

        // \z, not $: .NET's $ also matches before a final newline, JavaScript's does not.
        pattern.Append(@"\z");
        var regex = new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return new TimestampPattern(regex, readers);
    }
}
