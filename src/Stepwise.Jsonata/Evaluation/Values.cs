using System.Globalization;
using System.Text;
using Stepwise.Json;
using Stepwise.Jsonata.Functions;

namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// The JavaScript-value operations jsonata-js relies on, over the engine's value model: <c>null</c> is undefined, JSON
/// values are <see cref="JsonValue"/>s, built arrays and objects are <see cref="JList"/> and <see cref="JMap"/>, functions
/// are <see cref="JsonataFunction"/>s.
/// </summary>
internal static class Values
{
    /// <summary>
    /// The deepest nesting of arrays and objects the recursive helpers accept. An expression can build values nested
    /// arbitrarily deep in a loop ($reduce); past this depth they fail cleanly instead of exhausting the stack.
    /// </summary>
    public const int MaxNesting = 1000;

    public static bool IsArray(object? value) => value is JList or JsonArray;

    public static void CheckNesting(int depth)
    {
        if (depth > MaxNesting)
        {
            ThrowTooDeep();
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowTooDeep() =>
        throw new JsonataException("U1001", $"Stack overflow error: a value is nested more than {MaxNesting} levels deep");

    public static bool IsObject(object? value) => value is JMap or JsonObject;

    public static bool IsSequence(object? value) => value is JList { IsSequence: true };

    public static bool IsNumber(object? value, out double number)
    {
        if (value is JsonNumber n)
        {
            number = n.ToDouble();
            return true;
        }

        number = 0;
        return false;
    }

    public static bool IsString(object? value, out string text)
    {
        if (value is JsonString s)
        {
            text = s.Value;
            return true;
        }

        text = string.Empty;
        return false;
    }

    public static JsonNumber Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonataException("D1001", $"Number out of range: {NumberFormatting.ToJavaScriptString(value)}");
        }

        return JsonNumber.FromDouble(value);
    }

    public static JsonString String(string value) => value.Length == 0 ? JsonString.Empty : new JsonString(value);

    public static int ObjectCount(object obj) => obj is JMap map ? map.Count : ((JsonObject)obj).Count;

    public static string KeyAt(object obj, int i) => obj is JMap map ? map.KeyAt(i) : ((JsonObject)obj).Keys[i];

    public static object? ValueAt(object obj, int i) => obj is JMap map ? map.ValueAt(i) : ((JsonObject)obj).Values[i];

    public static object? Property(object? obj, string key)
    {
        if (obj is JsonObject json)
        {
            return json.TryGetValue(key, out var value) ? value : null;
        }

        if (obj is JMap map)
        {
            return map.TryGetValue(key, out var value) ? value : null;
        }

        return null;
    }

    /// <summary>jsonata-js's <c>fn.boolean</c>: null for undefined.</summary>
    public static bool? Boolean(object? value, int depth = 0)
    {
        CheckNesting(depth);
        switch (value)
        {
            case null:
                return null;
            case JsonString s:
                return s.Value.Length > 0;
            case JsonNumber n:
                return n.ToDouble() != 0;
            case JList or JsonArray:
            {
                ArrayView.TryGet(value, out var view);
                if (view.Count == 1)
                {
                    return Boolean(view[0], depth + 1) ?? false;
                }

                for (int i = 0; i < view.Count; i++)
                {
                    if (Boolean(view[i], depth + 1) == true)
                    {
                        return true;
                    }
                }

                return false;
            }

            case JsonObject o:
                return o.Count > 0;
            case JMap m:
                return m.Count > 0;
            case JsonataFunction:
                // jsonata-js hands functions to functions as plain JavaScript closures, which fn.boolean treats as false.
                return false;
            default:
                return ReferenceEquals(value, JsonValue.True);
        }
    }

    /// <summary>jsonata-js's <c>isDeepEqual</c>.</summary>
    public static bool DeepEquals(object? left, object? right, int depth = 0)
    {
        CheckNesting(depth);
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        if (left is JsonNumber ln)
        {
            return right is JsonNumber rn && ln.ToDouble() == rn.ToDouble();
        }

        if (left is JsonString ls)
        {
            return right is JsonString rs && string.Equals(ls.Value, rs.Value, StringComparison.Ordinal);
        }

        if (ArrayView.TryGet(left, out var la))
        {
            if (!ArrayView.TryGet(right, out var ra) || la.Count != ra.Count)
            {
                return false;
            }

            for (int i = 0; i < la.Count; i++)
            {
                if (!DeepEquals(la[i], ra[i], depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        if (IsObject(left))
        {
            if (!IsObject(right) || ObjectCount(left) != ObjectCount(right))
            {
                return false;
            }

            int count = ObjectCount(left);
            for (int i = 0; i < count; i++)
            {
                var other = Property(right, KeyAt(left, i));
                if (other is null || !DeepEquals(ValueAt(left, i), other, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>Converts an evaluation result to JSON: sequences and built values become JSON, functions are dropped.</summary>
    public static JsonValue? ToJson(object? value, int depth = 0)
    {
        CheckNesting(depth);
        switch (value)
        {
            case null:
                return null;
            case JsonValue json:
                return json;
            case JList list:
            {
                var items = new JsonValue[list.Count];
                int n = 0;
                for (int i = 0; i < list.Count; i++)
                {
                    var item = ToJson(list[i], depth + 1);
                    if (item is not null)
                    {
                        items[n++] = item;
                    }
                    else if (list[i] is JsonataFunction)
                    {
                        // JSON.stringify writes a function inside an array as null.
                        items[n++] = JsonValue.Null;
                    }
                }

                if (n != items.Length)
                {
                    Array.Resize(ref items, n);
                }

                return JsonArray.TakeOwnership(items);
            }

            case JMap map:
            {
                var builder = new JsonObjectBuilder(map.Count);
                for (int i = 0; i < map.Count; i++)
                {
                    var item = ToJson(map.ValueAt(i), depth + 1);
                    if (item is not null)
                    {
                        builder.Set(map.KeyAt(i), item);
                    }
                }

                return builder.ToObject();
            }

            case TupleBinding tuple:
                return ToJson(tuple.Context, depth + 1);
            case NonFiniteNumber:
                return JsonValue.Null;
            default:
                return null;
        }
    }


    /// <summary>A deep, mutable copy (jsonata-js's <c>$clone</c>, used by the transform operator).</summary>
    public static object? Clone(object? value, int depth = 0)
    {
        CheckNesting(depth);
        switch (value)
        {
            case JList or JsonArray:
            {
                ArrayView.TryGet(value, out var view);
                var list = new JList(view.Count);
                for (int i = 0; i < view.Count; i++)
                {
                    list.Add(Clone(view[i], depth + 1));
                }

                return list;
            }

            case JMap or JsonObject:
            {
                int count = ObjectCount(value);
                var map = new JMap(count);
                for (int i = 0; i < count; i++)
                {
                    map.Set(KeyAt(value, i), Clone(ValueAt(value, i), depth + 1));
                }

                return map;
            }

            default:
                return value;
        }
    }

    /// <summary>The one-letter type of a value in function signatures (<c>m</c> = missing).</summary>
    public static char Symbol(object? value) => value switch
    {
        null => 'm',
        JsonataFunction => 'f',
        JsonString => 's',
        JsonNumber or NonFiniteNumber => 'n',
        JList or JsonArray => 'a',
        JMap or JsonObject => 'o',
        JsonValue v when v.IsNull => 'l',
        JsonValue v when v.IsBoolean => 'b',
        _ => 'm',
    };

    /// <summary>jsonata-js's <c>$type</c> names.</summary>
    public static string? TypeName(object? value) => value switch
    {
        null => null,
        JsonataFunction => "function",
        JsonString => "string",
        JsonNumber or NonFiniteNumber => "number",
        JList or JsonArray => "array",
        JMap or JsonObject => "object",
        JsonValue v when v.IsNull => "null",
        _ => "boolean",
    };

    /// <summary>jsonata-js's <c>$string</c>: strings as they are, anything else as JSON with numbers at 15 significant digits.</summary>
    public static string Stringify(object value, bool pretty)
    {
        if (value is JsonString s)
        {
            return s.Value;
        }

        if (value is JsonataFunction)
        {
            return string.Empty;
        }

        if (value is JList { OuterWrapper: true } wrapper && wrapper.Count > 0)
        {
            value = wrapper[0]!;
        }

        var builder = new StringBuilder();
        WriteJson(builder, value, pretty, 0);
        return builder.ToString();
    }

    /// <summary>A value as jsonata-js's error messages show it (JSON.stringify: strings quoted).</summary>
    public static string ToMessageText(object? value) => value switch
    {
        null => "undefined",
        JsonString s => JsonText.Quote(s.Value),
        _ => Stringify(value, false),
    };

    public static string FormatNumber15(double value)
    {
        // JavaScript: Number(value.toPrecision(15)).toString(), except that integers keep all their digits
        // (jsonata-js 2.1.1).
        if (Math.Floor(value) == value && Math.Abs(value) < 9007199254740992d)
        {
            return NumberFormatting.ToJavaScriptString(value);
        }

        double rounded = double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return NumberFormatting.ToJavaScriptString(rounded);
    }

    private static void WriteJson(StringBuilder builder, object? value, bool pretty, int indent)
    {
        CheckNesting(indent);
        switch (value)
        {
            case JsonString s:
                JsonText.AppendQuoted(builder, s.Value);
                return;
            case JsonNumber n:
                builder.Append(FormatNumber15(n.ToDouble()));
                return;
            case NonFiniteNumber bad:
                throw new JsonataException("D1001", $"Number out of range: {NumberFormatting.ToJavaScriptString(bad.Value)}");
            case JList or JsonArray:
            {
                ArrayView.TryGet(value, out var view);
                builder.Append('[');
                bool first = true;
                for (int i = 0; i < view.Count; i++)
                {
                    var item = view[i];
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    NewLine(builder, pretty, indent + 1);
                    if (item is null)
                    {
                        builder.Append("null");
                    }
                    else
                    {
                        WriteJson(builder, item, pretty, indent + 1);
                    }
                }

                if (!first)
                {
                    NewLine(builder, pretty, indent);
                }

                builder.Append(']');
                return;
            }

            case JMap or JsonObject:
            {
                builder.Append('{');
                bool first = true;
                int count = ObjectCount(value);
                for (int i = 0; i < count; i++)
                {
                    var item = ValueAt(value, i);
                    if (item is null)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    NewLine(builder, pretty, indent + 1);
                    JsonText.AppendQuoted(builder, KeyAt(value, i));
                    builder.Append(pretty ? ": " : ":");
                    WriteJson(builder, item, pretty, indent + 1);
                }

                if (!first)
                {
                    NewLine(builder, pretty, indent);
                }

                builder.Append('}');
                return;
            }

            case JsonataFunction:
                builder.Append("\"\"");
                return;
            case JsonValue json:
                json.WriteTo(builder);
                return;
            default:
                builder.Append("null");
                return;
        }
    }

    private static void NewLine(StringBuilder builder, bool pretty, int indent)
    {
        if (pretty)
        {
            builder.Append('\n').Append(' ', indent * 2);
        }
    }
}
