using System.Text;
using Stepwise.Json;

namespace Stepwise.Integrations.Lambda;

/// <summary>
/// Writes JSON as Python's <c>json.dumps</c> does by default (<c>", "</c> and <c>": "</c> separators): AWS records a
/// legacy Lambda-ARN task's error cause in that form, while <c>lambda:invoke</c> records it compactly.
/// </summary>
internal static class PythonJson
{
    public static string Write(JsonValue value)
    {
        var builder = new StringBuilder();
        Write(value, builder);
        return builder.ToString();
    }

    private static void Write(JsonValue value, StringBuilder builder)
    {
        switch (value)
        {
            case JsonObject obj:
                builder.Append('{');
                for (int i = 0; i < obj.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    JsonText.AppendQuoted(builder, obj[i].Key);
                    builder.Append(": ");
                    Write(obj[i].Value, builder);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(array[i], builder);
                }

                builder.Append(']');
                break;
            default:
                value.WriteTo(builder);
                break;
        }
    }
}
