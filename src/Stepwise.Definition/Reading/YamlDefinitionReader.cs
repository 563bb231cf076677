using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Stepwise.Definition.Validation;
using Stepwise.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stepwise.Definition.Reading;

/// <summary>
/// Reads YAML definitions into the JSON tree. Plain scalars are typed as the YAML 1.2 core schema types them (null,
/// booleans, integers including 0x/0o forms, floats); quoted scalars and explicit <c>!!str</c> stay strings. Mapping key
/// order is kept, and aliases resolve to copies of their anchors' values.
/// </summary>
internal static class YamlDefinitionReader
{
    // The JSON parser's nesting limit, so a YAML definition cannot build a deeper tree than a JSON one.
    private const int MaxDepth = 1000;

    public static bool TryRead(string text, [NotNullWhen(true)] out JsonValue? definition, [NotNullWhen(false)] out Diagnostic? diagnostic)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            definition = null;
            string location = $"line: {e.Start.Line.ToString(CultureInfo.InvariantCulture)}, column: {e.Start.Column.ToString(CultureInfo.InvariantCulture)}";
            diagnostic = new Diagnostic(DiagnosticCodes.InvalidJsonDescription, e.Message, location, DiagnosticSeverity.Error);
            return false;
        }

        if (stream.Documents.Count == 0)
        {
            definition = null;
            diagnostic = new Diagnostic(DiagnosticCodes.SchemaValidationFailed, DiagnosticMessages.NotAnObject, "", DiagnosticSeverity.Error);
            return false;
        }

        if (stream.Documents.Count > 1)
        {
            definition = null;
            var start = stream.Documents[1].RootNode.Start;
            diagnostic = new Diagnostic(DiagnosticCodes.InvalidJsonDescription, "A definition is one YAML document, found several",
                $"line: {start.Line.ToString(CultureInfo.InvariantCulture)}, column: {start.Column.ToString(CultureInfo.InvariantCulture)}", DiagnosticSeverity.Error);
            return false;
        }

        if (!TryConvert(stream.Documents[0].RootNode, 0, out definition, out string? error, out var mark))
        {
            diagnostic = new Diagnostic(DiagnosticCodes.InvalidJsonDescription, error,
                $"line: {mark.Line.ToString(CultureInfo.InvariantCulture)}, column: {mark.Column.ToString(CultureInfo.InvariantCulture)}", DiagnosticSeverity.Error);
            return false;
        }

        diagnostic = null;
        return true;
    }

    private static bool TryConvert(YamlNode node, int depth, [NotNullWhen(true)] out JsonValue? value, [NotNullWhen(false)] out string? error, out Mark mark)
    {
        mark = node.Start;
        value = null;
        if (depth > MaxDepth)
        {
            error = $"The definition nests deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels";
            return false;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var builder = new JsonObjectBuilder(mapping.Children.Count);
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        error = "Mapping keys must be scalars";
                        mark = keyNode.Start;
                        return false;
                    }

                    if (builder.ContainsKey(key))
                    {
                        error = $"Duplicate key '{key}'";
                        mark = keyNode.Start;
                        return false;
                    }

                    if (!TryConvert(valueNode, depth + 1, out var item, out error, out mark))
                    {
                        return false;
                    }

                    builder.Set(key, item);
                }

                value = builder.ToObject();
                error = null;
                return true;
            case YamlSequenceNode sequence:
                var items = new JsonValue[sequence.Children.Count];
                for (int i = 0; i < items.Length; i++)
                {
                    if (!TryConvert(sequence.Children[i], depth + 1, out var item, out error, out mark))
                    {
                        return false;
                    }

                    items[i] = item;
                }

                value = JsonArray.TakeOwnership(items);
                error = null;
                return true;
            case YamlScalarNode scalar:
                value = ConvertScalar(scalar);
                error = null;
                return true;
            default:
                error = "Unsupported YAML node";
                return false;
        }
    }

    private static JsonValue ConvertScalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? string.Empty;
        string tag = scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value;
        if (tag == "tag:yaml.org,2002:str" || (tag.Length == 0 && scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any))
        {
            return new JsonString(text);
        }

        return YamlCoreSchema.TryResolve(text, out var resolved) ? resolved : new JsonString(text);
    }
}
