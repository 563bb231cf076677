using System.Globalization;
using System.Text.RegularExpressions;
using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>Numeric functions: $number, $floor, $ceil, $round (half to even), $abs, $sqrt, $power, $random.</summary>
internal static partial class FunctionLibrary
{
    private static readonly Regex s_decimal = new(@"^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private static void AddNumeric(Register add)
    {
        add("number", "<(nsb)-:n>", 1, static (in CallContext _, object?[] args) => ToNumber(Arg(args, 0)));
        add("floor", "<n-:n>", 1, static (in CallContext _, object?[] args) => Num(args, 0) is { } n ? Values.Number(Math.Floor(n)) : null);
        add("ceil", "<n-:n>", 1, static (in CallContext _, object?[] args) => Num(args, 0) is { } n ? Values.Number(Math.Ceiling(n)) : null);
        add("abs", "<n-:n>", 1, static (in CallContext _, object?[] args) => Num(args, 0) is { } n ? Values.Number(Math.Abs(n)) : null);
        add("sqrt", "<n-:n>", 1, static (in CallContext _, object?[] args) =>
        {
            if (Num(args, 0) is not { } n)
            {
                return null;
            }

            if (n < 0)
            {
                throw Error("D3060", $"The sqrt function cannot be applied to a negative number: {NumberFormatting.ToJavaScriptString(n)}", 1);
            }

            return Values.Number(Math.Sqrt(n));
        });
        add("power", "<n-n:n>", 2, static (in CallContext _, object?[] args) =>
        {
            if (Num(args, 0) is not { } b || Num(args, 1) is not { } e)
            {
                return null;
            }

            double result = Math.Pow(b, e);
            if (!double.IsFinite(result))
            {
                throw Error("D3061", $"The power function has resulted in a value that cannot be represented as a JSON number: base={NumberFormatting.ToJavaScriptString(b)}, exponent={NumberFormatting.ToJavaScriptString(e)}");
            }

            return Values.Number(result);
        });
        add("round", "<n-n?:n>", 2, static (in CallContext _, object?[] args) =>
            Num(args, 0) is { } n ? Values.Number(Round(n, (int)(Num(args, 1) ?? 0))) : null);
        add("random", "<:n>", 0, static (in CallContext _, object?[] _) => Values.Number(Random.Shared.NextDouble()));
    }

    internal static JsonNumber? ToNumber(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case JsonNumber n:
                return n;
            case JsonString s when s_decimal.IsMatch(s.Value):
            {
                double value = double.Parse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsFinite(value))
                {
                    return Values.Number(value);
                }

                break;
            }

            case JsonString s when s.Value.Length > 2 && s.Value[0] == '0':
            {
                int radix = s.Value[1] switch
                {
                    'x' or 'X' => 16,
                    'o' or 'O' => 8,
                    'b' or 'B' => 2,
                    _ => 0,
                };
                if (radix != 0)
                {
                    try
                    {
                        return Values.Number(Convert.ToInt64(s.Value[2..], radix));
                    }
                    catch (FormatException)
                    {
                    }
                    catch (ArgumentException)
                    {
                    }
                    catch (OverflowException)
                    {
                    }
                }

                break;
            }

            case JsonValue v when ReferenceEquals(v, JsonValue.True):
                return JsonNumber.FromInt64(1);
            case JsonValue v when ReferenceEquals(v, JsonValue.False):
                return JsonNumber.FromInt64(0);
        }

        throw Error("D3030", $"Unable to cast value to a number: {Values.ToMessageText(arg)}", 1);
    }

    /// <summary>Round half to even at <paramref name="precision"/> decimal places, shifting in decimal text as jsonata-js does.</summary>
    private static double Round(double value, int precision)
    {
        double arg = value;
        if (precision != 0)
        {
            arg = Shift(arg, precision);
        }

        double result = Math.Floor(arg + 0.5);
        double diff = result - arg;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            result -= 1;
        }

        if (precision != 0)
        {
            result = Shift(result, -precision);
        }

        return result == 0 ? 0 : result;
    }

    private static double Shift(double value, int places)
    {
        string text = NumberFormatting.ToJavaScriptString(value);
        int e = text.IndexOf('e', StringComparison.Ordinal);
        string mantissa = e < 0 ? text : text[..e];
        int exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return double.Parse(mantissa + "e" + (exponent + places).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
