using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// The <c>hashCode()</c> of a JSON value once AWS's Java code has turned it into plain Java objects (as Jackson's
/// untyped reading does): an integer becomes an <c>Integer</c> (or a <c>Long</c> past the int range), a fraction a
/// <c>Double</c>, a string a <c>String</c>, an array a <c>List</c>, an object a <c>Map</c>, null stays null.
/// </summary>
internal static class JavaHash
{
    public static int Of(JsonValue value)
    {
        switch (value)
        {
            case JsonString text:
                return OfString(text.Value);
            case JsonNumber number:
                return OfNumber(number);
            case JsonArray array:
            {
                // List.hashCode: 31 * h + element, from 1.
                int hash = 1;
                foreach (JsonValue item in array.AsSpan())
                {
                    hash = unchecked((31 * hash) + Of(item));
                }

                return hash;
            }

            case JsonObject obj:
            {
                // Map.hashCode: the sum of key.hashCode() ^ value.hashCode() over the entries.
                int hash = 0;
                foreach (KeyValuePair<string, JsonValue> property in obj)
                {
                    hash = unchecked(hash + (OfString(property.Key) ^ Of(property.Value)));
                }

                return hash;
            }

            default:
                return value.Kind switch
                {
                    JsonValueKind.True => 1231,
                    JsonValueKind.False => 1237,
                    _ => 0,
                };
        }
    }

    /// <summary>Java's <c>String.hashCode</c>: s[0]*31^(n-1) + ... + s[n-1] over UTF-16 code units, in int arithmetic.</summary>
    public static int OfString(string text)
    {
        int hash = 0;
        foreach (char c in text)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }

    private static int OfNumber(JsonNumber number)
    {
        switch (number.Representation)
        {
            case NumberRepresentation.Int64 when number.TryGetInt64(out long integer):
                // Integer.hashCode is the value; Long.hashCode folds the halves.
                return integer is >= int.MinValue and <= int.MaxValue ? (int)integer : (int)(integer ^ (long)((ulong)integer >> 32));
            case NumberRepresentation.BigInteger:
                // BigInteger's hash is over its magnitude words; such keys are rare enough to approximate by their text.
                return OfString(number.ToJsonString());
            default:
            {
                long bits = BitConverter.DoubleToInt64Bits(number.ToDouble());
                return (int)(bits ^ (long)((ulong)bits >> 32));
            }
        }
    }
}
