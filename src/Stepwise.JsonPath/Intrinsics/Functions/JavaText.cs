using System.Text;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// How States.Format writes an argument. AWS's Java code calls <c>toString()</c> on the argument as a plain Java value:
/// a string appears without quotes, a number and a boolean as JSON writes them, null as <c>null</c>, and an object or
/// an array as Java's <c>Map</c>/<c>List</c> print themselves, <c>{Arg1=1, Arg2=[]}</c>
/// (test_format_2__exec7, test_context_json_path), not as JSON. The spec forbids object and array arguments; AWS
/// accepts them, so we do too. The same text is what States.ArrayContains compares and what States.Hash digests
/// when its data is not a string.
/// </summary>
internal static class JavaText
{
    /// <summary>The value's Java <c>toString()</c> text.</summary>
    public static string ToString(JsonValue value) =>
        value is JsonString text ? text.Value : ToStringSlow(value);

    public static void Append(StringBuilder builder, JsonValue value)
    {
        switch (value)
        {
            case JsonString text:
                builder.Append(text.Value);
                break;
            case JsonArray array:
            {
                builder.Append('[');
                ReadOnlySpan<JsonValue> items = array.AsSpan();
                for (int i = 0; i < items.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Append(builder, items[i]);
                }

                builder.Append(']');
                break;
            }

            case JsonObject obj:
            {
                builder.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, JsonValue> property in obj)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(property.Key).Append('=');
                    Append(builder, property.Value);
                }

                builder.Append('}');
                break;
            }

            default:
                // null, booleans and numbers print as their JSON text (a Java double as Double.toString does).
                value.WriteTo(builder);
                break;
        }
    }

    private static string ToStringSlow(JsonValue value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }
}
