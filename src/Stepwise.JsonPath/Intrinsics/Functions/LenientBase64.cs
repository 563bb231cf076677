namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// Base64 decoding as forgiving as AWS's: AWS decodes '!!!invalid!!!', 'abc' (no padding), 'ab==cd' (text after the
/// padding) and ' YWJjZA== ' (surrounding spaces) instead of failing (recorded against AWS in public
/// characterisation suites), which is how Apache Commons Codec's decoder behaves. Characters outside the alphabet
/// (standard or URL-safe) are skipped, the first '=' ends the data, and a trailing partial group yields the whole
/// bytes it holds; a lone trailing character carries no whole byte and is dropped.
/// </summary>
internal static class LenientBase64
{
    public static byte[] Decode(string text)
    {
        var bytes = new byte[(text.Length / 4 * 3) + 3];
        int written = 0;
        int bits = 0;
        int pending = 0;
        foreach (char c in text)
        {
            if (c == '=')
            {
                break;
            }

            int sextet = Sextet(c);
            if (sextet < 0)
            {
                continue;
            }

            bits = (bits << 6) | sextet;
            if (++pending == 4)
            {
                bytes[written++] = (byte)(bits >> 16);
                bytes[written++] = (byte)(bits >> 8);
                bytes[written++] = (byte)bits;
                bits = 0;
                pending = 0;
            }
        }

        if (pending == 2)
        {
            bytes[written++] = (byte)(bits >> 4);
        }
        else if (pending == 3)
        {
            bytes[written++] = (byte)(bits >> 10);
            bytes[written++] = (byte)(bits >> 2);
        }

        Array.Resize(ref bytes, written);
        return bytes;
    }

    private static int Sextet(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' or '-' => 62,
        '/' or '_' => 63,
        _ => -1,
    };
}
