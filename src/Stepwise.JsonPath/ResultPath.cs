using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath.Paths;

namespace Stepwise.JsonPath;

/// <summary>
/// A <c>ResultPath</c>: a Reference Path over <c>$</c> saying where a state's result goes in its input.
/// <c>$</c> replaces the input; <c>$.a.b</c> sets <c>b</c> inside <c>a</c>, creating missing intermediate objects.
/// <c>"ResultPath": null</c> (discard the result) is the runtime's business and never reaches this type.
/// </summary>
public sealed class ResultPath
{
    private readonly PathToken[] _tokens;

    private ResultPath(string text, PathToken[] tokens)
    {
        Text = text;
        _tokens = tokens;
    }

    /// <summary>The path as written in the definition.</summary>
    public string Text { get; }

    /// <summary>Parses a ResultPath: a Reference Path starting with <c>$</c> (not <c>$$</c>, not a variable).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ResultPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null;
        if (!PathParser.TryParse(text, out ParsedPath? parsed, out error))
        {
            return false;
        }

        if (parsed.Root != PathRoot.Input)
        {
            error = $"The ResultPath '{text}' must start with '$': a result can only be placed in the state's input.";
            return false;
        }

        foreach (PathToken token in parsed.Tokens)
        {
            if (token is not (PropertyToken { Names.Length: 1 } or IndexToken { Indexes.Length: 1 }))
            {
                error = $"The ResultPath '{text}' must be a Reference Path (names and single indexes only; no wildcards, slices, filters or '..').";
                return false;
            }
        }

        path = new ResultPath(text, parsed.Tokens);
        return true;
    }

    /// <summary>Parses a ResultPath.</summary>
    /// <exception cref="FormatException">The text is not a valid ResultPath; the message is the one <see cref="TryParse"/> gives.</exception>
    public static ResultPath Parse(string text) =>
        TryParse(text, out ResultPath? path, out string? error) ? path : throw new FormatException(error);

    /// <summary>
    /// Places <paramref name="result"/> into <paramref name="input"/> at this path, building new objects along the
    /// way (the input is never mutated; untouched branches are shared). Fails with
    /// <see cref="StatesErrors.ResultPathMatchFailure"/> when the input cannot hold the result there: a step of the
    /// path meets a value that is not an object (or, for an index, not an array long enough).
    /// </summary>
    public bool TryApply(JsonValue input, JsonValue result, [NotNullWhen(true)] out JsonValue? output, out AslError error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        if (TrySet(input, 0, result, out output))
        {
            error = default;
            return true;
        }

        // AWS's wording (it used to name the error States.ReferencePathConflict).
        error = new AslError(StatesErrors.ResultPathMatchFailure, $"Unable to apply ReferencePath {Text} to input {input.ToJsonString()}");
        return false;
    }

    /// <summary>Text of the path.</summary>
    public override string ToString() => Text;

    // Recursion depth is the path's length, which the definition bounds.
    private bool TrySet(JsonValue node, int index, JsonValue result, [NotNullWhen(true)] out JsonValue? updated)
    {
        if (index == _tokens.Length)
        {
            updated = result;
            return true;
        }

        if (_tokens[index] is PropertyToken property)
        {
            if (node is not JsonObject obj)
            {
                updated = null;
                return false;
            }

            string name = property.Names[0];
            JsonValue child = obj.TryGetValue(name, out JsonValue? existing) ? existing : JsonObject.Empty;
            if (!TrySet(child, index + 1, result, out JsonValue? replaced))
            {
                updated = null;
                return false;
            }

            updated = obj.With(name, replaced);
            return true;
        }

        var indexToken = (IndexToken)_tokens[index];
        if (node is not JsonArray array)
        {
            updated = null;
            return false;
        }

        int position = indexToken.Indexes[0];
        if (position < 0)
        {
            position += array.Count;
        }

        if ((uint)position >= (uint)array.Count || !TrySet(array[position], index + 1, result, out JsonValue? element))
        {
            updated = null;
            return false;
        }

        var items = array.AsSpan().ToArray();
        items[position] = element;
        updated = JsonArray.TakeOwnership(items);
        return true;
    }
}
