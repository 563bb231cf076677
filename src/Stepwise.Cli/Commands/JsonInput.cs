using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.Cli.Commands;

/// <summary>Reads a JSON argument given inline or as <c>@file</c>.</summary>
internal static class JsonInput
{
    public static bool TryRead(string? argument, JsonValue fallback, [NotNullWhen(true)] out JsonValue? value, [NotNullWhen(false)] out string? error)
    {
        if (argument is null)
        {
            value = fallback;
            error = null;
            return true;
        }

        string text = argument;
        if (argument.StartsWith('@'))
        {
            string path = argument[1..];
            if (!File.Exists(path))
            {
                value = null;
                error = $"The input file '{path}' does not exist.";
                return false;
            }

            text = File.ReadAllText(path);
        }

        if (JsonValue.TryParse(text, out value, out string? parseError))
        {
            error = null;
            return true;
        }

        error = $"The input is not valid JSON: {parseError}";
        return false;
    }
}
