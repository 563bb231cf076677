using System.Globalization;

namespace Stepwise.Json;

/// <summary>
/// A JSON number that keeps the identity AWS gives it. AWS parses with Jackson: an integer literal stays an integer
/// (<c>1</c> → <c>1</c>, arbitrarily large ones exactly), a literal with a fraction or exponent becomes a double and is
/// written back the way Java's <c>Double.toString</c> writes it (<c>0.0</c> → <c>0.0</c>, <c>1e10</c> → <c>1.0E10</c>).
/// Numbers computed by JSONata are JavaScript doubles and are written as JavaScript writes them (<c>3</c>, <c>1e+21</c>).
/// </summary>
public sealed class JsonNumber : JsonValue
{
    private static readonly JsonNumber[] s_small = CreateSmall();

    private readonly double _double;
    private readonly long _long;
    private readonly string? _bigText;

    private JsonNumber(NumberRepresentation representation, long integer, double value, string? bigText)
    {
        Representation = representation;
        _long = integer;
        _double = value;
        _bigText = bigText;
    }

    public override JsonValueKind Kind => JsonValueKind.Number;

    /// <summary>How the number is held, which decides how it is written.</summary>
    public NumberRepresentation Representation { get; }

    /// <summary>True when the value has no fractional part (whatever its representation).</summary>
    public bool IsIntegral => Representation switch
    {
        NumberRepresentation.Int64 or NumberRepresentation.BigInteger => true,
        _ => double.IsFinite(_double) && Math.Floor(_double) == _double,
    };

    /// <summary>An integer.</summary>
    public static JsonNumber FromInt64(long value) =>
        (ulong)(value + 1) < (ulong)s_small.Length ? s_small[value + 1] : new JsonNumber(NumberRepresentation.Int64, value, value, null);

    /// <summary>
    /// A number computed with JavaScript semantics (JSONata): written as JavaScript writes it, so an integral value
    /// prints without a fraction. Throws for NaN and infinities, which JSON cannot hold.
    /// </summary>
    public static JsonNumber FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON cannot represent NaN or infinity.");
        }

        if (Math.Floor(value) == value && Math.Abs(value) <= 9007199254740992d)
        {
            return FromInt64((long)value);
        }

        return new JsonNumber(NumberRepresentation.Double, 0, value, null);
    }

    /// <summary>
    /// A Java double (what Jackson makes of a literal with a fraction or an exponent, and what AWS's Java code
    /// computes): written as Java's <c>Double.toString</c> writes it, always with a fraction or an exponent.
    /// </summary>
    public static JsonNumber FromJavaDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON cannot represent NaN or infinity.");
        }

        return new JsonNumber(NumberRepresentation.JavaDouble, 0, value, null);
    }

    /// <summary>Reads a JSON number literal as Jackson does (see the class remarks).</summary>
    public static JsonNumber FromLiteral(ReadOnlySpan<char> literal)
    {
        bool integerLiteral = literal.IndexOfAny('.', 'e', 'E') < 0;
        if (integerLiteral)
        {
            if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            {
                return FromInt64(l);
            }

            string text = literal.ToString();
            return new JsonNumber(NumberRepresentation.BigInteger, 0, double.Parse(text, CultureInfo.InvariantCulture), text);
        }

        double d = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(d))
        {
            throw new JsonParseException($"The number {literal.ToString()} is out of range.");
        }

        return new JsonNumber(NumberRepresentation.JavaDouble, 0, d, null);
    }

    /// <summary>The value as a double (exact for integers up to 2^53).</summary>
    public double ToDouble() => _double;

    /// <summary>The value as an Int64 when it is integral and in range.</summary>
    public bool TryGetInt64(out long value)
    {
        switch (Representation)
        {
            case NumberRepresentation.Int64:
                value = _long;
                return true;
            case NumberRepresentation.BigInteger:
                value = 0;
                return false;
            default:
                if (Math.Floor(_double) == _double && _double >= -9.2233720368547758E18 && _double < 9.2233720368547758E18)
                {
                    value = (long)_double;
                    return true;
                }

                value = 0;
                return false;
        }
    }

    /// <summary>The value as an Int32 when it is integral and in range.</summary>
    public bool TryGetInt32(out int value)
    {
        if (TryGetInt64(out long l) && l is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)l;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The UTF-8 size of the number's JSON text (ASCII: its length).</summary>
    internal int Utf8Size
    {
        get
        {
            if (Representation == NumberRepresentation.Int64)
            {
                // The digits, and a sign when negative (long.MinValue's 19 digits are counted from its absolute value).
                ulong magnitude = _long < 0 ? (ulong)(-(_long + 1)) + 1 : (ulong)_long;
                int digits = 1;
                while (magnitude >= 10)
                {
                    magnitude /= 10;
                    digits++;
                }

                return _long < 0 ? digits + 1 : digits;
            }

            return JsonWriter.Write(this).Length;
        }
    }

    /// <summary>Appends the number's JSON text.</summary>
    internal void WriteNumberTo(System.Text.StringBuilder builder)
    {
        switch (Representation)
        {
            case NumberRepresentation.Int64:
                builder.Append(_long);
                break;
            case NumberRepresentation.BigInteger:
                builder.Append(_bigText);
                break;
            case NumberRepresentation.JavaDouble:
                NumberFormatting.AppendJava(builder, _double);
                break;
            default:
                NumberFormatting.AppendJavaScript(builder, _double);
                break;
        }
    }

    internal bool NumericEquals(JsonNumber other)
    {
        if (Representation == NumberRepresentation.Int64 && other.Representation == NumberRepresentation.Int64)
        {
            return _long == other._long;
        }

        if (Representation == NumberRepresentation.BigInteger && other.Representation == NumberRepresentation.BigInteger)
        {
            return _bigText == other._bigText;
        }

        return _double == other._double;
    }

    internal int NumericHashCode() => TryGetInt64(out long l) ? l.GetHashCode() : _double.GetHashCode();

    private static JsonNumber[] CreateSmall()
    {
        // -1 .. 255: the integers that indexes, counters and small literals use constantly.
        var small = new JsonNumber[257];
        for (int i = 0; i < small.Length; i++)
        {
            small[i] = new JsonNumber(NumberRepresentation.Int64, i - 1, i - 1, null);
        }

        return small;
    }
}

/// <summary>How a <see cref="JsonNumber"/> holds its value, which decides how it is written.</summary>
public enum NumberRepresentation : byte
{
    /// <summary>A 64-bit integer, written as digits.</summary>
    Int64,

    /// <summary>An integer beyond 64 bits, kept and written exactly as it was read.</summary>
    BigInteger,

    /// <summary>A Java double, written as <c>Double.toString</c> writes it (<c>1.0</c>, <c>1.0E10</c>).</summary>
    JavaDouble,

    /// <summary>A JavaScript double, written as <c>Number.prototype.toString</c> writes it (<c>1.5</c>, <c>1e+21</c>).</summary>
    Double,
}
