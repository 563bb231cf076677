using System.Diagnostics.CodeAnalysis;
using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Definition.Reading;

/// <summary>
/// Turns definition text into a <see cref="JsonValue"/>, JSON or YAML, keeping key order. A text that does not parse
/// yields the diagnostic AWS gives for it (INVALID_JSON_DESCRIPTION with the parser's position), never an exception.
/// </summary>
public static class DefinitionReader
{
    /// <summary>Reads <paramref name="text"/>, or returns false with the one diagnostic that says why it cannot be read.</summary>
    public static bool TryRead(string text, DefinitionFormat format, [NotNullWhen(true)] out JsonValue? definition, [NotNullWhen(false)] out Diagnostic? diagnostic)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            // Jackson reads a blank text as "no value", which AWS then rejects as not being an object (recorded).
            definition = null;
            diagnostic = new Diagnostic(DiagnosticCodes.SchemaValidationFailed, DiagnosticMessages.NotAnObject, "", DiagnosticSeverity.Error);
            return false;
        }

        if (format == DefinitionFormat.Yaml || (format == DefinitionFormat.Auto && !LooksLikeJson(text)))
        {
            return YamlDefinitionReader.TryRead(text, out definition, out diagnostic);
        }

        if (JsonValue.TryParse(text, out definition, out _))
        {
            diagnostic = null;
            return true;
        }

        diagnostic = JacksonErrors.Describe(text);
        return false;
    }

    /// <summary>Reads <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text does not parse; the message is the diagnostic's.</exception>
    public static JsonValue Read(string text, DefinitionFormat format = DefinitionFormat.Auto) =>
        TryRead(text, format, out var definition, out var diagnostic)
            ? definition
            : throw new FormatException(diagnostic.HasLocation ? $"{diagnostic.Message} ({diagnostic.Location})" : diagnostic.Message);

    private static bool LooksLikeJson(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '{' or '[';
            }
        }

        return false;
    }
}
