using System.Diagnostics.CodeAnalysis;
using Stepwise.Definition.Reading;
using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Cli.Commands;

/// <summary>Loads a definition file (JSON or YAML) and validates it, as every command that takes one does.</summary>
internal static class DefinitionFile
{
    public static bool TryLoad(string path, [NotNullWhen(true)] out JsonValue? definition, out IReadOnlyList<Diagnostic> diagnostics)
    {
        definition = null;
        if (!File.Exists(path))
        {
            diagnostics = [new Diagnostic("FILE_NOT_FOUND", $"The file '{path}' does not exist.", "", DiagnosticSeverity.Error)];
            return false;
        }

        if (!DefinitionReader.TryRead(File.ReadAllText(path), FormatOf(path), out var read, out var readError))
        {
            diagnostics = [readError!];
            return false;
        }

        var result = DefinitionValidator.Validate(read);
        diagnostics = result.Diagnostics;
        if (!result.IsValid)
        {
            return false;
        }

        definition = read;
        return true;
    }

    /// <summary>YAML for <c>.yaml</c>/<c>.yml</c> files, JSON for <c>.json</c>, and a look at the text otherwise.</summary>
    private static DefinitionFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => DefinitionFormat.Yaml,
        ".json" => DefinitionFormat.Json,
        _ => DefinitionFormat.Auto,
    };
}
