using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Stepwise.Json;

/// <summary>
/// Writes compact JSON straight into a UTF-8 buffer: the bytes are exactly the UTF-8 encoding of
/// <see cref="JsonValue.ToJsonString()"/> (same key order, same escapes, same number forms), without building that
/// string first. A store that keeps JSON as UTF-8 (the durable history) writes through this.
/// </summary>
public static class JsonUtf8Writer
{
    // A step's events share one timestamp number instance, whose non-integer text takes a formatting pass to produce:
    // the bytes of the last one written on this thread are kept.
    [ThreadStatic]
    private static JsonNumber? t_lastNumber;

    [ThreadStatic]
    private static byte[]? t_lastNumberBytes;

    // Strings of up to this many UTF-8 bytes are escaped into one span of the destination (six times their size at worst).
    private const int MaxDirectBytes = 64 * 1024;

    // Strings up to this many characters are first tried as plain ASCII.
    private const int MaxShortChars = 128;

    // The bytes JsonWriter.Escaped names, and their escapes (indexed by the byte).
    private static readonly SearchValues<byte> s_escapedBytes = SearchValues.Create(CreateEscapedBytes());
    private static readonly byte[][] s_escapeSequences = CreateEscapeSequences();

    /// <summary>Appends the compact JSON text of <paramref name="value"/> to <paramref name="destination"/> as UTF-8.</summary>
    public static void Write(JsonValue value, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(destination);
        WriteValue(value, destination);
    }

    /// <summary>Appends <paramref name="text"/> as a quoted JSON string (escaped as <see cref="JsonValue.ToJsonString()"/> escapes it) in UTF-8.</summary>
    public static void WriteString(string text, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(destination);
        WriteQuoted(text, destination);
    }

    /// <summary>
    /// The most bytes <see cref="WriteString(ReadOnlySpan{char}, Span{byte})"/> writes for a string of
    /// <paramref name="length"/> characters: six for each (a control character's <c>\u00XX</c>) and the two quotes.
    /// </summary>
    public static int GetMaxStringByteCount(int length) => checked((length * 6) + 2);

    /// <summary>
    /// Writes <paramref name="text"/> as a quoted JSON string (escaped as <see cref="JsonValue.ToJsonString()"/> escapes
    /// it) in UTF-8 into <paramref name="destination"/> and returns the number of bytes written: for a writer that puts
    /// several short strings and the text between them into one span.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is shorter than <see cref="GetMaxStringByteCount"/> of the text's length.</exception>
    public static int WriteString(ReadOnlySpan<char> text, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, GetMaxStringByteCount(text.Length), nameof(destination));
        if (TryCopyPlainAscii(text, destination[1..]))
        {
            destination[0] = (byte)'"';
            destination[text.Length + 1] = (byte)'"';
            return text.Length + 2;
        }

        byte[] scratch = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            destination[0] = (byte)'"';
            int written = 1 + Escape(scratch.AsSpan(0, Encoding.UTF8.GetBytes(text, scratch)), destination[1..]);
            destination[written] = (byte)'"';
            return written + 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Appends a member's name as <see cref="JsonValue.ToJsonString()"/> writes it in an object: a comma first when
    /// <paramref name="comma"/>, the quoted, escaped <paramref name="name"/>, and the colon.
    /// </summary>
    public static void WritePropertyName(string name, bool comma, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(destination);
        WriteName(name, comma, destination);
    }

    /// <summary>
    /// Appends <paramref name="text"/> escaped as inside a JSON string (as <see cref="WriteString(string, IBufferWriter{byte})"/> writes it, without the
    /// quotes) in UTF-8. Escaping is per character, so a string written in pieces gives the bytes of the whole, as long
    /// as no piece ends between the two halves of a surrogate pair.
    /// </summary>
    public static void WriteEscaped(ReadOnlySpan<char> text, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        WriteQuoted(text, quoted: false, destination);
    }

    /// <summary>The number of bytes <see cref="WriteEscaped"/> writes for <paramref name="text"/>.</summary>
    public static int GetEscapedByteCount(ReadOnlySpan<char> text) => JsonWriter.MeasureString(text) - 2;

    // Appends text that needs no escaping (a container's cached JSON text) as UTF-8.
    private static void WriteRaw(ReadOnlySpan<char> text, IBufferWriter<byte> destination)
    {
        var span = destination.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        destination.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static void WriteValue(JsonValue value, IBufferWriter<byte> destination)
    {
        switch (value)
        {
            // A container whose compact text is cached is copied, not walked again.
            case JsonObject { CachedCompactText: { } text }:
                WriteRaw(text, destination);
                break;
            case JsonArray { CachedCompactText: { } text }:
                WriteRaw(text, destination);
                break;
            case JsonObject obj:
            {
                WriteByte((byte)'{', destination);
                var keys = obj.Keys;
                var values = obj.Values;
                for (int i = 0; i < keys.Length; i++)
                {
                    WriteName(keys[i], i > 0, destination);
                    WriteValue(values[i], destination);
                }

                WriteByte((byte)'}', destination);
                break;
            }

            case JsonArray array:
            {
                WriteByte((byte)'[', destination);
                var items = array.AsSpan();
                for (int i = 0; i < items.Length; i++)
                {
                    if (i > 0)
                    {
                        WriteByte((byte)',', destination);
                    }

                    WriteValue(items[i], destination);
                }

                WriteByte((byte)']', destination);
                break;
            }

            case JsonString s:
                WriteQuoted(s.Value, destination);
                break;
            case JsonNumber n:
                WriteNumber(n, destination);
                break;
            default:
                destination.Write(value.Kind switch
                {
                    JsonValueKind.True => "true"u8,
                    JsonValueKind.False => "false"u8,
                    _ => "null"u8,
                });
                break;
        }
    }

    private static void WriteNumber(JsonNumber number, IBufferWriter<byte> destination)
    {
        if (number.Representation == NumberRepresentation.Int64 && number.TryGetInt64(out long integer))
        {
            var span = destination.GetSpan(20);
            Utf8Formatter.TryFormat(integer, span, out int written);
            destination.Advance(written);
            return;
        }

        if (!ReferenceEquals(number, t_lastNumber))
        {
            // The text is ASCII, so its UTF-8 bytes are its characters.
            t_lastNumberBytes = Encoding.UTF8.GetBytes(JsonWriter.Write(number));
            t_lastNumber = number;
        }

        destination.Write(t_lastNumberBytes);
    }

    private static void WriteQuoted(string text, IBufferWriter<byte> destination) => WriteQuoted(text, quoted: true, destination);

    private static void WriteName(string name, bool comma, IBufferWriter<byte> destination)
    {
        if (name.Length <= MaxShortChars)
        {
            // A name is nearly always short printable ASCII: the comma, the name and the colon go into one span.
            var span = destination.GetSpan(name.Length + 4);
            int at = comma ? 1 : 0;
            if (TryCopyPlainAscii(name, span[(at + 1)..]))
            {
                span[0] = (byte)',';
                span[at] = (byte)'"';
                span[at + 1 + name.Length] = (byte)'"';
                span[at + 2 + name.Length] = (byte)':';
                destination.Advance(at + 3 + name.Length);
                return;
            }
        }

        if (comma)
        {
            WriteByte((byte)',', destination);
        }

        WriteQuoted(name, destination);
        WriteByte((byte)':', destination);
    }

    // Copies text as its bytes when every character is printable ASCII other than the quote and the backslash (it then
    // needs no escape, and its UTF-8 is its characters); otherwise returns false, having written no more than text's length.
    // Eight characters at a time: a history event's type, details name and resource are 15 to 60 characters, checked
    // and narrowed in a few steps instead of one compare chain per character.
    private static bool TryCopyPlainAscii(ReadOnlySpan<char> text, Span<byte> destination)
    {
        destination = destination[..text.Length];
        int i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            ref ushort source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ref byte target = ref MemoryMarshal.GetReference(destination);
            int last = text.Length - Vector128<ushort>.Count;
            while (true)
            {
                // The last block may overlap the one before: its characters are checked and copied again, to the same bytes.
                if (i > last)
                {
                    i = last;
                }

                var chars = Vector128.LoadUnsafe(ref source, (nuint)i);
                var escaped = Vector128.GreaterThan(chars - Vector128.Create((ushort)0x20), Vector128.Create((ushort)(0x7F - 0x20)))
                    | Vector128.Equals(chars, Vector128.Create((ushort)'"'))
                    | Vector128.Equals(chars, Vector128.Create((ushort)'\\'));
                if (escaped != Vector128<ushort>.Zero)
                {
                    return false;
                }

                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i), Vector128.Narrow(chars, chars).AsUInt64().ToScalar());
                i += Vector128<ushort>.Count;
                if (i >= text.Length)
                {
                    return true;
                }
            }
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c - 0x20u > 0x7Fu - 0x20u || c == '"' || c == '\\')
            {
                return false;
            }

            destination[i] = (byte)c;
        }

        return true;
    }

    private static void WriteQuoted(ReadOnlySpan<char> text, bool quoted, IBufferWriter<byte> destination)
    {
        int quote = quoted ? 1 : 0;
        if (text.Length <= MaxShortChars)
        {
            // Short strings (types, names, ARNs) are checked and copied in one scalar pass, cheaper than the vector
            // search and transcoder calls below for a few dozen characters.
            var direct = destination.GetSpan(text.Length + 2);
            if (TryCopyPlainAscii(text, direct[quote..]))
            {
                if (quoted)
                {
                    direct[0] = (byte)'"';
                    direct[text.Length + 1] = (byte)'"';
                }

                destination.Advance(text.Length + 2 * quote);
                return;
            }
        }

        int maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (text.IndexOfAny(JsonWriter.Escaped) < 0)
        {
            // Most strings (keys, types, names) need no escape: one transcode straight into the destination.
            var span = destination.GetSpan(maxBytes + 2);
            int written = Encoding.UTF8.GetBytes(text, span[quote..]);
            if (quoted)
            {
                span[0] = (byte)'"';
                span[written + 1] = (byte)'"';
            }

            destination.Advance(written + 2 * quote);
            return;
        }

        // Transcoded whole, then escaped byte by byte: every escaped character is ASCII, and no byte of a multi-byte
        // UTF-8 sequence is below 0x80, so the escapes are found in the bytes. A payload's text has a quote at every key
        // and string; transcoding the runs between them one by one cost a call into the encoder per quote.
        byte[] scratch = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var rest = scratch.AsSpan(0, Encoding.UTF8.GetBytes(text, scratch));
            // An escape is at most six bytes for one; the whole string is written into one span when that is not huge.
            if (rest.Length <= MaxDirectBytes)
            {
                var span = destination.GetSpan(rest.Length * 6 + 2);
                int w = 0;
                if (quoted)
                {
                    span[w++] = (byte)'"';
                }

                w += Escape(rest, span[w..]);
                if (quoted)
                {
                    span[w++] = (byte)'"';
                }

                destination.Advance(w);
                return;
            }

            if (quoted)
            {
                WriteByte((byte)'"', destination);
            }

            int next;
            while ((next = rest.IndexOfAny(s_escapedBytes)) >= 0)
            {
                destination.Write(rest[..next]);
                destination.Write(s_escapeSequences[rest[next]]);
                rest = rest[(next + 1)..];
            }

            destination.Write(rest);
            if (quoted)
            {
                WriteByte((byte)'"', destination);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    // Copies UTF-8 into destination (six times its length at worst) with each byte that needs it escaped; returns the
    // bytes written.
    private static int Escape(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        var rest = utf8;
        int w = 0;
        int i;
        while ((i = rest.IndexOfAny(s_escapedBytes)) >= 0)
        {
            rest[..i].CopyTo(destination[w..]);
            w += i;
            var escape = s_escapeSequences[rest[i]];
            escape.CopyTo(destination[w..]);
            w += escape.Length;
            rest = rest[(i + 1)..];
        }

        rest.CopyTo(destination[w..]);
        return w + rest.Length;
    }

    private static byte[] CreateEscapedBytes()
    {
        var bytes = new List<byte>();
        for (int c = 0; c <= '\\'; c++)
        {
            if (JsonWriter.EscapeSequence((char)c) is not null)
            {
                bytes.Add((byte)c);
            }
        }

        return [.. bytes];
    }

    private static byte[][] CreateEscapeSequences()
    {
        var sequences = new byte['\\' + 1][];
        for (int c = 0; c < sequences.Length; c++)
        {
            sequences[c] = JsonWriter.EscapeSequence((char)c) is { } escape ? Encoding.ASCII.GetBytes(escape) : [];
        }

        return sequences;
    }

    private static void WriteByte(byte value, IBufferWriter<byte> destination)
    {
        destination.GetSpan(1)[0] = value;
        destination.Advance(1);
    }
}
