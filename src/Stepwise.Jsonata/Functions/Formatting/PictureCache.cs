using System.Collections.Concurrent;

namespace Stepwise.Jsonata.Functions.Formatting;

/// <summary>
/// Analysed picture strings by their text. Pictures are nearly always literals in an expression, so the same few
/// strings come back on every evaluation; the cache is simply emptied when it grows past its bound, which keeps a
/// stream of computed pictures from holding memory.
/// </summary>
/// <typeparam name="T">The analysed form; it must be immutable once built, as it is shared between threads.</typeparam>
internal sealed class PictureCache<T>(Func<string, T> analyse)
    where T : class
{
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);

    public T Get(string picture)
    {
        if (_entries.TryGetValue(picture, out T? cached))
        {
            return cached;
        }

        // Analyse outside the dictionary so that an error (D313x) propagates and nothing is stored.
        T analysed = analyse(picture);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries.TryAdd(picture, analysed);
        return analysed;
    }
}
