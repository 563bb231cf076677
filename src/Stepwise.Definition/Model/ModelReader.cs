using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>
/// Typed field access for the model reader. The validator runs first, so these only guard against crashes: any
/// shape they do not expect becomes a <see cref="FormatException"/> naming the state and field.
/// </summary>
internal static class ModelReader
{
    public static string? ReadOptionalString(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value) || value.IsNull)
        {
            return null;
        }

        return value is JsonString s ? s.Value : throw new FormatException($"{where}: '{name}' must be a string.");
    }

    public static string ReadRequiredString(JsonObject json, string name, string where) =>
        ReadOptionalString(json, name, where) ?? throw new FormatException($"{where}: '{name}' is required.");

    public static int? ReadOptionalInt32(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value) || value.IsNull)
        {
            return null;
        }

        if (value is JsonNumber n && n.TryGetInt64(out long l) && l is >= int.MinValue and <= int.MaxValue)
        {
            return (int)l;
        }

        throw new FormatException($"{where}: '{name}' must be an integer.");
    }

    public static long? ReadOptionalInt64(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value) || value.IsNull)
        {
            return null;
        }

        return value is JsonNumber n && n.TryGetInt64(out long l) ? l : throw new FormatException($"{where}: '{name}' must be an integer.");
    }

    /// <summary>
    /// A numeric field that JSONata states may write as an expression string (<c>"{% ... %}"</c>): a number is
    /// returned, a string is kept in <paramref name="expression"/> for the JSONata issue.
    /// </summary>
    public static long? ReadOptionalInt64OrExpression(JsonObject json, string name, string where, out JsonValue? expression)
    {
        expression = json.TryGetValue(name, out var value) && value is JsonString ? value : null;
        return expression is null ? ReadOptionalInt64(json, name, where) : null;
    }

    /// <inheritdoc cref="ReadOptionalInt64OrExpression"/>
    public static double? ReadOptionalDoubleOrExpression(JsonObject json, string name, string where, out JsonValue? expression)
    {
        expression = json.TryGetValue(name, out var value) && value is JsonString ? value : null;
        return expression is null ? ReadOptionalDouble(json, name, where) : null;
    }

    public static double? ReadOptionalDouble(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value) || value.IsNull)
        {
            return null;
        }

        return value is JsonNumber n ? n.ToDouble() : throw new FormatException($"{where}: '{name}' must be a number.");
    }

    public static bool ReadBoolean(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value) || value.IsNull)
        {
            return false;
        }

        return value.IsBoolean ? value.AsBoolean() : throw new FormatException($"{where}: '{name}' must be a boolean.");
    }

    public static IReadOnlyList<string> ReadStringList(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value) || value is not JsonArray array)
        {
            throw new FormatException($"{where}: '{name}' must be an array of strings.");
        }

        var result = new string[array.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = array[i] is JsonString s ? s.Value : throw new FormatException($"{where}: '{name}' must be an array of strings.");
        }

        return result;
    }

    public static AslPath? ReadOptionalPath(JsonObject json, string name, string where)
    {
        var text = ReadOptionalString(json, name, where);
        if (text is null)
        {
            return null;
        }

        return AslPath.TryParse(text, out var path, out var error)
            ? path
            : throw new FormatException($"{where}: '{name}' is not a valid path: {error}");
    }

    public static PayloadTemplate? ReadOptionalTemplate(JsonObject json, string name, string where)
    {
        if (!json.TryGetValue(name, out var value))
        {
            return null;
        }

        if (PayloadTemplate.TryCompile(value, out var compiled, out var errors))
        {
            return compiled;
        }

        var message = errors.Count > 0 ? $"{errors[0].Pointer}: {errors[0].Message}" : "invalid template";
        throw new FormatException($"{where}: '{name}' is not a valid payload template: {message}");
    }

    public static IReadOnlyList<Retrier> ReadRetry(JsonObject json, string where)
    {
        if (!json.TryGetValue("Retry", out var value))
        {
            return [];
        }

        if (value is not JsonArray array)
        {
            throw new FormatException($"{where}: 'Retry' must be an array.");
        }

        var result = new Retrier[array.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Retrier.Read(AsObject(array[i], $"{where} Retry[{i}]"), $"{where} Retry[{i}]");
        }

        return result;
    }

    public static IReadOnlyList<Catcher> ReadCatch(JsonObject json, string where)
    {
        if (!json.TryGetValue("Catch", out var value))
        {
            return [];
        }

        if (value is not JsonArray array)
        {
            throw new FormatException($"{where}: 'Catch' must be an array.");
        }

        var result = new Catcher[array.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Catcher.Read(AsObject(array[i], $"{where} Catch[{i}]"), $"{where} Catch[{i}]");
        }

        return result;
    }

    public static JsonObject AsObject(JsonValue value, string where) =>
        value as JsonObject ?? throw new FormatException($"{where}: expected a JSON object.");
}
