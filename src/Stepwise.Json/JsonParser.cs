using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Stepwise.Json;

/// <summary>Builds <see cref="JsonValue"/> trees from JSON text without recursion (deep input cannot overflow the stack).</summary>
internal static class JsonParser
{
    /// <summary>The nesting depth Jackson accepts by default (StreamReadConstraints.maxNestingDepth), which AWS inherits.</summary>
    public const int MaxDepth = 1000;

    private static readonly JsonReaderOptions s_options = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static JsonValue Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        int max = Encoding.UTF8.GetMaxByteCount(json.Length);
        byte[]? rented = max > 1024 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        try
        {
            int length = Encoding.UTF8.GetBytes(json, buffer);
            return Parse(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static JsonValue Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, s_options);
        try
        {
            return Read(ref reader);
        }
        catch (JsonException e)
        {
            throw new JsonParseException(Describe(e), e);
        }
    }

    private static JsonValue Read(ref Utf8JsonReader reader)
    {
        // Containers under construction; the top one receives each completed value.
        var stack = new Stack<Container>();
        JsonValue? root = null;
        string? pendingKey = null;
        while (reader.Read())
        {
            JsonValue? completed;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    stack.Push(new Container(new JsonObjectBuilder(), null, pendingKey));
                    pendingKey = null;
                    continue;
                case JsonTokenType.StartArray:
                    stack.Push(new Container(null, new List<JsonValue>(), pendingKey));
                    pendingKey = null;
                    continue;
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString();
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    var done = stack.Pop();
                    completed = done.Object is not null ? done.Object.ToObject() : JsonArray.TakeOwnership(done.Array!.ToArray());
                    pendingKey = done.Key;
                    break;
                case JsonTokenType.String:
                    completed = new JsonString(reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    completed = ReadNumber(ref reader);
                    break;
                case JsonTokenType.True:
                    completed = JsonValue.True;
                    break;
                case JsonTokenType.False:
                    completed = JsonValue.False;
                    break;
                case JsonTokenType.Null:
                    completed = JsonValue.Null;
                    break;
                default:
                    continue;
            }

            if (stack.Count == 0)
            {
                root = completed;
                continue;
            }

            var parent = stack.Peek();
            if (parent.Object is not null)
            {
                parent.Object.Set(pendingKey!, completed);
                pendingKey = null;
            }
            else
            {
                parent.Array!.Add(completed);
            }
        }

        return root ?? throw new JsonParseException("The JSON text is empty.");
    }

    private static JsonNumber ReadNumber(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        Span<char> chars = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            chars[i] = (char)raw[i];
        }

        return JsonNumber.FromLiteral(chars);
    }

    private static string Describe(JsonException e)
    {
        string message = e.Message;
        // System.Text.Json appends its own "LineNumber: x | BytePositionInLine: y." text; keep one position format.
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return e.LineNumber is long line && e.BytePositionInLine is long column
            ? $"{message.TrimEnd()} (line {line + 1}, column {column + 1})"
            : message;
    }

    private readonly record struct Container(JsonObjectBuilder? Object, List<JsonValue>? Array, string? Key);
}
