using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>States.UUID: a version 4 UUID drawn from the execution's seeded random source.</summary>
internal static class IdentifierFunctions
{
    public static bool TryUuid(Random? random, [NotNullWhen(true)] out JsonValue? result)
    {
        Span<byte> bytes = stackalloc byte[16];
        IntrinsicFunctions.RequireRandom(random).NextBytes(bytes);

        // RFC 9562: version 4 in the high nibble of byte 6, variant 10xx in the high bits of byte 8.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);

        Span<char> text = stackalloc char[36];
        int position = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                text[position++] = '-';
            }

            text[position++] = HexDigit(bytes[i] >> 4);
            text[position++] = HexDigit(bytes[i] & 0xF);
        }

        result = new JsonString(new string(text));
        return true;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
