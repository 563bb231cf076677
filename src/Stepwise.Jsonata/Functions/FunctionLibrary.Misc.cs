using System.Globalization;
using System.Text;
using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata.Functions;

/// <summary>Boolean functions, $error/$assert, Base64 and URL coding, $eval, $now and $millis.</summary>
internal static partial class FunctionLibrary
{
    private const string UriUnreserved = "-_.!~*'()";
    private const string UriReserved = ";,/?:@&=+$#";

    private static void AddMisc(Register add)
    {
        add("boolean", "<x-:b>", 1, static (in CallContext _, object?[] args) =>
            Values.Boolean(Arg(args, 0)) is { } b ? JsonValue.FromBoolean(b) : null);
        add("not", "<x-:b>", 1, static (in CallContext _, object?[] args) =>
            Values.Boolean(Arg(args, 0)) is { } b ? JsonValue.FromBoolean(!b) : null);
        add("error", "<s?:x>", 1, static (in CallContext _, object?[] args) =>
            throw new JsonataException("D3137", Str(args, 0) is { Length: > 0 } m ? m : "$error() function evaluated"));
        add("assert", "<bs?:x>", 2, static (in CallContext _, object?[] args) =>
        {
            if (!ReferenceEquals(Arg(args, 0), JsonValue.True))
            {
                throw new JsonataException("D3141", Str(args, 1) is { Length: > 0 } m ? m : "$assert() statement failed");
            }

            return null;
        });
        add("base64encode", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(Convert.ToBase64String(Encoding.Latin1.GetBytes(s))) : null);
        add("base64decode", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(Encoding.Latin1.GetString(DecodeBase64(s))) : null);
        add("encodeUrlComponent", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(Encode(s, UriUnreserved, "$encodeUrlComponent")) : null);
        add("encodeUrl", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(Encode(s, UriUnreserved + UriReserved, "$encodeUrl")) : null);
        add("decodeUrlComponent", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(Decode(s, string.Empty, "$decodeUrlComponent")) : null);
        add("decodeUrl", "<s-:s>", 1, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } s ? Values.String(Decode(s, UriReserved, "$decodeUrl")) : null);
        add("eval", "<sx?:x>", 2, static (in CallContext call, object?[] args) =>
        {
            string? expression = Str(args, 0);
            if (expression is null)
            {
                return null;
            }

            var input = call.Input;
            if (args.Length > 1 && args[1] is { } focus)
            {
                input = focus is JsonArray or JList { IsSequence: false } ? new JList(1) { focus } : focus;
                if (input is JList wrapper && !ReferenceEquals(wrapper, focus))
                {
                    wrapper.IsSequence = true;
                    wrapper.OuterWrapper = true;
                }
            }

            Node ast;
            try
            {
                ast = Parser.Parse(expression);
            }
            catch (JsonataException e)
            {
                throw new JsonataException("D3120", $"Syntax error in expression passed to function eval: {e.Message}");
            }

            try
            {
                return call.Evaluator.Evaluate(ast, input, call.Environment);
            }
            catch (JsonataException e) when (e.Code != "U1001")
            {
                throw new JsonataException("D3121", $"Dynamic error evaluating the expression passed to function eval: {e.Message}");
            }
        });
        add("millis", "<:n>", 0, static (in CallContext call, object?[] _) =>
            JsonNumber.FromInt64(call.Evaluator.Now.ToUnixTimeMilliseconds()));
    }

    /// <summary>
    /// Node's <c>Buffer.from(text, 'base64')</c>: lenient, as jsonata-js relies on. Characters outside the alphabet are
    /// skipped, the URL-safe alphabet is accepted, decoding stops at padding, and missing padding is tolerated.
    /// </summary>
    private static byte[] DecodeBase64(string text)
    {
        var clean = new StringBuilder(text.Length + 3);
        foreach (char c in text)
        {
            if (c == '=')
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                clean.Append(c);
            }
            else if (c is '-' or '_')
            {
                clean.Append(c == '-' ? '+' : '/');
            }
        }

        if (clean.Length % 4 == 1)
        {
            clean.Length--;
        }

        while (clean.Length % 4 != 0)
        {
            clean.Append('=');
        }

        return Convert.FromBase64String(clean.ToString());
    }

    private static string Encode(string text, string keep, string function)
    {
        var result = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || keep.Contains(c, StringComparison.Ordinal))
            {
                result.Append(c);
                continue;
            }

            int codePoint;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    throw MalformedUrl(function, text);
                }

                codePoint = char.ConvertToUtf32(c, text[i + 1]);
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                throw MalformedUrl(function, text);
            }
            else
            {
                codePoint = c;
            }

            int n = new Rune(codePoint).EncodeToUtf8(bytes);
            for (int k = 0; k < n; k++)
            {
                result.Append('%').Append(bytes[k].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }

    private static string Decode(string text, string reserved, string function)
    {
        var result = new StringBuilder(text.Length);
        var buffer = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                result.Append(text[i]);
                continue;
            }

            int start = i;
            buffer.Clear();
            if (!TryHexByte(text, i, out byte first))
            {
                throw MalformedUrl(function, text);
            }

            int length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
            if (length == 0)
            {
                throw MalformedUrl(function, text);
            }

            buffer.Add(first);
            i += 3;
            for (int k = 1; k < length; k++)
            {
                if (!TryHexByte(text, i, out byte next) || (next & 0xC0) != 0x80)
                {
                    throw MalformedUrl(function, text);
                }

                buffer.Add(next);
                i += 3;
            }

            i--;
            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(buffer.ToArray());
            }
            catch (DecoderFallbackException)
            {
                throw MalformedUrl(function, text);
            }

            if (length == 1 && reserved.Contains(decoded[0], StringComparison.Ordinal))
            {
                result.Append(text, start, 3);
            }
            else
            {
                result.Append(decoded);
            }
        }

        return result.ToString();
    }

    private static bool TryHexByte(string text, int at, out byte value)
    {
        value = 0;
        return at + 3 <= text.Length && text[at] == '%'
            && byte.TryParse(text.AsSpan(at + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static JsonataException MalformedUrl(string function, string text) =>
        new("D3140", $"Malformed URL passed to {function}(): {JsonText.Quote(text)}");
}
