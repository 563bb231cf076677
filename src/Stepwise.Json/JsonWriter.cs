using System.Text;

namespace Stepwise.Json;

/// <summary>
/// Writes JSON text the way AWS (Jackson) writes it: compact, keys in order, only <c>"</c>, <c>\</c> and control
/// characters escaped, everything else (non-ASCII included) written as is.
/// </summary>
internal static class JsonWriter
{
    /// <summary>Builders longer than this (in chars) are not kept for reuse, so one huge payload does not pin its buffer.</summary>
    private const int MaxCachedBuilderCapacity = 16 * 1024;

    // Two builders per thread, reused across writes: the engine writes a history event's JSON text on every
    // transition, and growing a fresh builder chunk by chunk each time was most of its garbage. The second serves the
    // write of a payload's cached text nested in its event's (a lazily built event detail): with one slot, every
    // payload's text grew a builder of its own, 10 KB of garbage per 1 KB payload (the rise in a durable Pass chain's
    // allocations after the lazy event details).
    [ThreadStatic]
    private static StringBuilder? t_builder;

    [ThreadStatic]
    private static StringBuilder? t_nestedBuilder;

    /// <summary>How many writes are under way on this thread (a payload's text is written while its event is).</summary>
    [ThreadStatic]
    private static int t_depth;

    /// <summary>Strings shorter than this are escaped every time: remembering them would cost more than it saves.</summary>
    private const int MinRememberedEscapeLength = 256;

    // The events of a step carry the same payload text (one string instance: a container's cached compact text) several
    // times: a Task's entered and scheduled events its input; its succeeded and exited events and the next state's
    // entered event its output. Escaping it, with a stop at every quote, was the largest single cost of writing a
    // durable history. So the last long string an outermost write escaped is remembered as a span of the text that
    // write returned (no copy), and appended from there the next time the same instance is written. Compared by
    // reference: a string is immutable, so the same instance always escapes the same.
    [ThreadStatic]
    private static StringBuilder? t_outerBuilder;

    [ThreadStatic]
    private static string? t_pendingSource;

    [ThreadStatic]
    private static int t_pendingStart;

    [ThreadStatic]
    private static int t_pendingLength;

    [ThreadStatic]
    private static string? t_escapedSource;

    [ThreadStatic]
    private static string? t_escapedHost;

    [ThreadStatic]
    private static int t_escapedStart;

    [ThreadStatic]
    private static int t_escapedLength;

    /// <summary>The characters <see cref="WriteString"/> escapes: the quote, the backslash and the control characters.</summary>
    internal static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    // The escape of each character in Escaped, indexed by the character (the backslash is the highest).
    private static readonly string?[] s_escapeSequences = CreateEscapeSequences();

    /// <summary>The escape of a character in <see cref="Escaped"/> (<c>\"</c>, <c>\\</c>, <c>\n</c>... or <c>\u00XX</c>); null for another character up to the backslash.</summary>
    internal static string? EscapeSequence(char c) => s_escapeSequences[c];

    public static string Write(JsonValue value, JsonLayout layout = JsonLayout.Compact)
    {
        var builder = RentBuilder();
        try
        {
            Write(value, builder, layout);
            return Finish(builder);
        }
        finally
        {
            ReturnBuilder(builder);
        }
    }

    public static void Write(JsonValue value, StringBuilder builder, JsonLayout layout)
    {
        switch (layout)
        {
            case JsonLayout.Indented:
                WriteIndented(value, builder, 0);
                break;
            case JsonLayout.Spaced:
                WriteFlat(value, builder, ", ", ": ");
                break;
            default:
                WriteFlat(value, builder, ",", ":");
                break;
        }
    }

    public static int MeasureUtf8(JsonValue value)
    {
        switch (value)
        {
            case JsonObject obj:
                return obj.Utf8Size;
            case JsonArray array:
                return array.Utf8Size;
            case JsonString s:
                return s.Utf8Size;
            case JsonNumber n:
                return n.Utf8Size;
            default:
                return value.Kind == JsonValueKind.False ? 5 : 4;
        }
    }

    /// <summary>
    /// The UTF-8 size of a container's compact text, from its children's sizes (cached on each container) rather than
    /// by writing the text: a state's output shares most of its subtrees with its input, so measuring it against the
    /// payload limit costs its top level only. An already written text is counted instead.
    /// </summary>
    internal static int MeasureContainer(JsonValue container)
    {
        switch (container)
        {
            case JsonObject { CachedCompactText: { } text }:
                return Encoding.UTF8.GetByteCount(text);
            case JsonArray { CachedCompactText: { } text }:
                return Encoding.UTF8.GetByteCount(text);
            case JsonObject obj:
            {
                // Braces, commas between members, a colon per member.
                long size = 2 + Math.Max(0, obj.Count - 1) + obj.Count;
                var keys = obj.Keys;
                var values = obj.Values;
                for (int i = 0; i < keys.Length; i++)
                {
                    size += MeasureString(keys[i]) + MeasureUtf8(values[i]);
                }

                return (int)Math.Min(size, int.MaxValue);
            }

            default:
            {
                var items = ((JsonArray)container).AsSpan();
                long size = 2 + Math.Max(0, items.Length - 1);
                for (int i = 0; i < items.Length; i++)
                {
                    size += MeasureUtf8(items[i]);
                }

                return (int)Math.Min(size, int.MaxValue);
            }
        }
    }

    /// <summary>The UTF-8 size of <paramref name="text"/> written as <see cref="WriteString"/> writes it (quoted, escaped).</summary>
    internal static int MeasureString(ReadOnlySpan<char> text)
    {
        // Every escaped character is ASCII (one byte), and its escape adds one byte (\n, \", \\) or five (\u001f). A
        // payload's text has a quote at every key and string: counting them in a vectorized pass each beats stopping at
        // every one.
        int size = 2 + Encoding.UTF8.GetByteCount(text) + text.Count('"') + text.Count('\\');
        var rest = text;
        int i;
        while ((i = rest.IndexOfAnyInRange('\u0000', '\u001f')) >= 0)
        {
            size += rest[i] is '\n' or '\r' or '\t' or '\b' or '\f' ? 1 : 5;
            rest = rest[(i + 1)..];
        }

        return size;
    }

    /// <summary>
    /// The compact text of a container for its cache. Its direct children's texts are cached too (a state's output
    /// usually shares them with its input), deeper levels only reused when already cached: caching every level would
    /// hold depth × size characters for a deeply nested payload.
    /// </summary>
    internal static string WriteCompactForCache(JsonValue container, bool cacheChildren)
    {
        var builder = RentBuilder();
        try
        {
            WriteFlat(container, builder, ",", ":", cacheChildren);
            return Finish(builder);
        }
        finally
        {
            ReturnBuilder(builder);
        }
    }

    /// <summary>
    /// The builder for a write at the thread's current depth: the outermost write uses the first slot, a write nested in
    /// it the second, deeper ones a builder of their own. Each slot keeps its role, so it keeps the capacity its role needs.
    /// </summary>
    private static StringBuilder RentBuilder()
    {
        int depth = t_depth++;
        if (depth == 0)
        {
            var builder = t_builder ?? new StringBuilder(256);
            t_builder = null;
            t_outerBuilder = builder;
            return builder;
        }

        if (depth == 1 && t_nestedBuilder is { } nested)
        {
            t_nestedBuilder = null;
            return nested;
        }

        return new StringBuilder(256);
    }

    /// <summary>Gives the builder back to its slot, unless it grew past <see cref="MaxCachedBuilderCapacity"/>.</summary>
    private static void ReturnBuilder(StringBuilder builder)
    {
        int depth = --t_depth;
        if (depth == 0)
        {
            t_outerBuilder = null;
            t_pendingSource = null;
        }

        if (depth > 1 || builder.Capacity > MaxCachedBuilderCapacity)
        {
            return;
        }

        builder.Clear();
        if (depth == 0)
        {
            t_builder = builder;
        }
        else
        {
            t_nestedBuilder = builder;
        }
    }

    /// <summary>The builder's text; an outermost write's text becomes the home of the escaped string it remembers.</summary>
    private static string Finish(StringBuilder builder)
    {
        string text = builder.ToString();
        if (t_pendingSource is { } source && ReferenceEquals(builder, t_outerBuilder) && text.Length <= MaxCachedBuilderCapacity)
        {
            t_escapedSource = source;
            t_escapedHost = text;
            t_escapedStart = t_pendingStart;
            t_escapedLength = t_pendingLength;
        }

        return text;
    }

    private static void WriteFlat(JsonValue value, StringBuilder builder, string itemSeparator, string keySeparator, bool cacheChildren = false)
    {
        switch (value)
        {
            // A container already written compactly is copied, not walked again (only the compact layout caches).
            case JsonObject { CachedCompactText: { } text } when itemSeparator.Length == 1:
                builder.Append(text);
                break;
            case JsonArray { CachedCompactText: { } text } when itemSeparator.Length == 1:
                builder.Append(text);
                break;
            case JsonObject obj:
                builder.Append('{');
                for (int i = 0; i < obj.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(itemSeparator);
                    }

                    WriteString(obj.Keys[i], builder);
                    builder.Append(keySeparator);
                    WriteFlatItem(obj.Values[i], builder, itemSeparator, keySeparator, cacheChildren);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(itemSeparator);
                    }

                    WriteFlatItem(array[i], builder, itemSeparator, keySeparator, cacheChildren);
                }

                builder.Append(']');
                break;
            default:
                WriteScalar(value, builder);
                break;
        }
    }

    /// <summary>
    /// Writes a member or element. In the compact layout a container's cached text is copied instead of walked again:
    /// values are immutable and shared (<c>With</c> copies only the top level), so a state's new output reuses the text
    /// of the subtrees it took from its input. Only a top-level cached write caches its children's text.
    /// </summary>
    private static void WriteFlatItem(JsonValue value, StringBuilder builder, string itemSeparator, string keySeparator, bool cacheChildren)
    {
        if (itemSeparator.Length == 1)
        {
            switch (value)
            {
                case JsonObject { CachedCompactText: { } cached }:
                    builder.Append(cached);
                    return;
                case JsonArray { CachedCompactText: { } cached }:
                    builder.Append(cached);
                    return;
                case JsonObject { Count: > 0 } obj when cacheChildren:
                    builder.Append(obj.ChildCompactText);
                    return;
                case JsonArray { Count: > 0 } array when cacheChildren:
                    builder.Append(array.ChildCompactText);
                    return;
            }
        }

        WriteFlat(value, builder, itemSeparator, keySeparator);
    }

    private static void WriteIndented(JsonValue value, StringBuilder builder, int depth)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } obj:
                builder.Append("{\n");
                for (int i = 0; i < obj.Count; i++)
                {
                    builder.Append(' ', (depth + 1) * 2);
                    WriteString(obj.Keys[i], builder);
                    builder.Append(": ");
                    WriteIndented(obj.Values[i], builder, depth + 1);
                    builder.Append(i + 1 < obj.Count ? ",\n" : "\n");
                }

                builder.Append(' ', depth * 2).Append('}');
                break;
            case JsonArray { Count: > 0 } array:
                builder.Append("[\n");
                for (int i = 0; i < array.Count; i++)
                {
                    builder.Append(' ', (depth + 1) * 2);
                    WriteIndented(array[i], builder, depth + 1);
                    builder.Append(i + 1 < array.Count ? ",\n" : "\n");
                }

                builder.Append(' ', depth * 2).Append(']');
                break;
            default:
                // Scalars, and empty objects and arrays, look the same in every layout.
                WriteFlat(value, builder, ",", ":");
                break;
        }
    }

    private static void WriteScalar(JsonValue value, StringBuilder builder)
    {
        switch (value.Kind)
        {
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                ((JsonNumber)value).WriteNumberTo(builder);
                break;
            case JsonValueKind.String:
                WriteString(((JsonString)value).Value, builder);
                break;
            default:
                throw new InvalidOperationException($"Cannot write a value of kind {value.Kind} ({value.GetType().Name}) as JSON.");
        }
    }

    /// <summary>Appends <paramref name="text"/> as a quoted JSON string.</summary>
    public static void WriteString(string text, StringBuilder builder)
    {
        if (text.Length >= MinRememberedEscapeLength)
        {
            if (ReferenceEquals(text, t_escapedSource))
            {
                builder.Append(t_escapedHost, t_escapedStart, t_escapedLength);
                return;
            }

            if (ReferenceEquals(builder, t_outerBuilder))
            {
                int start = builder.Length;
                WriteEscaped(text, builder);
                t_pendingSource = text;
                t_pendingStart = start;
                t_pendingLength = builder.Length - start;
                return;
            }
        }

        WriteEscaped(text, builder);
    }

    private static void WriteEscaped(string text, StringBuilder builder)
    {
        builder.Append('"');
        int start = 0;
        while (true)
        {
            // A vectorized search for the next character to escape: history events carry whole payloads as JSON text,
            // so most of what is written here is long runs that need no escape.
            int found = text.AsSpan(start).IndexOfAny(Escaped);
            if (found < 0)
            {
                break;
            }

            int i = start + found;
            builder.Append(text, start, i - start);
            start = i + 1;
            builder.Append(s_escapeSequences[text[i]]);
        }

        builder.Append(text, start, text.Length - start);
        builder.Append('"');
    }

    private static string?[] CreateEscapeSequences()
    {
        var sequences = new string?['\\' + 1];
        for (int c = 0; c < 0x20; c++)
        {
            sequences[c] = "\\u00" + c.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
        }

        sequences['"'] = "\\\"";
        sequences['\\'] = "\\\\";
        sequences['\n'] = "\\n";
        sequences['\r'] = "\\r";
        sequences['\t'] = "\\t";
        sequences['\b'] = "\\b";
        sequences['\f'] = "\\f";
        return sequences;
    }
}
