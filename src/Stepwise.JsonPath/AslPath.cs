using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath.Paths;

namespace Stepwise.JsonPath;

/// <summary>
/// An ASL Path (InputPath, OutputPath, ItemsPath, every <c>*Path</c> field, a Choice <c>Variable</c>, the value of a
/// <c>"x.$"</c> key): JSONPath as AWS's engine (Jayway JsonPath) accepts it, starting with <c>$</c> (the input),
/// <c>$$</c> (the context object) or <c>$name</c> (a variable). Parse once, evaluate many times; instances are
/// immutable and thread-safe.
/// </summary>
public sealed class AslPath
{
    private readonly PathToken[] _tokens;
    private readonly bool _isDefinite;

    /// <summary>Which member of <c>$$.Map.Item</c> the path starts with (<see cref="MapItemMember"/>), read without the context object.</summary>
    private readonly MapItemMember _mapItem;

    /// <summary>The tokens after <c>$$.Map.Item.Value</c>, evaluated from the item itself.</summary>
    private readonly PathToken[] _mapItemTail = [];

    private AslPath(string text, ParsedPath parsed)
    {
        Text = text;
        Root = parsed.Root;
        VariableName = parsed.VariableName;
        _tokens = parsed.Tokens;
        bool definite = true;
        bool reference = true;
        foreach (PathToken token in _tokens)
        {
            definite &= token.IsDefinite;
            reference &= token is PropertyToken { Names.Length: 1 } or IndexToken { Indexes.Length: 1 };
        }

        // Jayway treats a trailing ['a','b'] as definite (it merges the members into one object).
        if (!definite && _tokens.Length > 0 && _tokens[^1] is PropertyToken { Names.Length: > 1 })
        {
            definite = true;
            for (int i = 0; i < _tokens.Length - 1; i++)
            {
                definite &= _tokens[i].IsDefinite;
            }
        }

        _isDefinite = definite;
        IsReferencePath = reference;
        if (Root == PathRoot.Context && definite && _tokens.Length >= 3 && IsName(_tokens[0], "Map") && IsName(_tokens[1], "Item"))
        {
            if (_tokens.Length == 3 && IsName(_tokens[2], "Index"))
            {
                _mapItem = MapItemMember.Index;
            }
            else if (IsName(_tokens[2], "Value"))
            {
                _mapItem = MapItemMember.Value;
                _mapItemTail = _tokens[3..];
            }
        }
    }

    private enum MapItemMember : byte
    {
        None,
        Index,
        Value,
    }

    /// <summary>The path as written in the definition.</summary>
    public string Text { get; }

    /// <summary>The document the path starts from.</summary>
    public PathRoot Root { get; }

    /// <summary>The variable's name (without <c>$</c>) when <see cref="Root"/> is <see cref="PathRoot.Variable"/>; otherwise null.</summary>
    public string? VariableName { get; }

    /// <summary>
    /// True for a Reference Path: names and single indexes only (no filters, wildcards, slices, unions or deep scans),
    /// so it selects at most one node. ResultPath and several ASL fields accept only Reference Paths.
    /// </summary>
    public bool IsReferencePath { get; }

    /// <summary>True when the path selects one node; an indefinite path evaluates to the array of its matches.</summary>
    public bool IsDefinite => _isDefinite;

    /// <summary>Parses <paramref name="text"/>, or returns false with a message saying what is wrong and where.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out AslPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PathParser.TryParse(text, out ParsedPath? parsed, out error))
        {
            path = new AslPath(text, parsed);
            return true;
        }

        path = null;
        return false;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not a valid path; the message is the one <see cref="TryParse"/> gives.</exception>
    public static AslPath Parse(string text) =>
        TryParse(text, out AslPath? path, out string? error) ? path : throw new FormatException(error);

    /// <summary>
    /// The value the path selects in <paramref name="scope"/>. A definite path that matches nothing fails with
    /// <see cref="StatesErrors.Runtime"/> and AWS's cause (<c>Invalid path '$.x' : No results for path: $['x']</c>);
    /// an indefinite path never fails: it yields the array of its matches, empty when there are none.
    /// Callers that word the failure differently (Choice, ItemsPath, payload templates) build their own cause from
    /// <see cref="Text"/>.
    /// </summary>
    public bool TryEvaluate(in PathScope scope, [NotNullWhen(true)] out JsonValue? value, out AslError error)
    {
        if (_mapItem != MapItemMember.None && scope.TryGetMapItem(out JsonValue? itemIndex, out JsonValue? itemValue))
        {
            // $$.Map.Item.Index / .Value[...]: the context object holds exactly these, so selecting from them is
            // selecting from it. A miss in the rest of the path is worded by the general evaluation below.
            JsonValue member = _mapItem == MapItemMember.Index ? itemIndex : itemValue;
            if (_mapItemTail.Length == 0)
            {
                value = member;
                error = default;
                return true;
            }

            if (PathEvaluator.TryEvaluateDefinite(_mapItemTail, member, out JsonValue selected, out _))
            {
                value = selected;
                error = default;
                return true;
            }
        }

        if (!TrySelectRoot(scope, out JsonValue? root, out error))
        {
            value = null;
            return false;
        }

        if (!_isDefinite)
        {
            value = PathEvaluator.EvaluateIndefinite(_tokens, root, root);
            error = default;
            return true;
        }

        if (PathEvaluator.TryEvaluateDefinite(_tokens, root, out JsonValue found, out DefiniteFailure failure))
        {
            value = found;
            error = default;
            return true;
        }

        value = null;
        error = new AslError(StatesErrors.Runtime, $"Invalid path '{Text}' : {failure.Describe(_tokens)}");
        return false;
    }

    /// <summary>
    /// AWS's error for this path finding nothing where a field names it: payload template keys (<c>value.$</c>) and
    /// the Fail state's <c>ErrorPath</c>/<c>CausePath</c>. <see cref="StatesErrors.Runtime"/> with the cause
    /// <c>The JSONPath '$.x' specified for the field 'value.$' could not be found in the input '{"a":1}'</c>, the
    /// state input written as compact JSON (also for a <c>$$</c> path).
    /// </summary>
    /// <param name="field">The field as written, with its <c>.$</c> suffix for a template key.</param>
    /// <param name="input">The state's effective input.</param>
    public AslError FieldNotFoundError(string field, JsonValue input)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(input);

        // scenarios/test_base_scenarios__test_invalid_jsonpath_INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH_8a59a2.json,
        // ..._CONTEXTPATH_7c22a8.json, ..._INVALID_JSONPATH_IN_ERRORPATH_4ddf66.json and ..._IN_CAUSEPATH_646f1c.json.
        return new AslError(
            StatesErrors.Runtime,
            $"The JSONPath '{Text}' specified for the field '{field}' could not be found in the input '{input.ToJsonString()}'");
    }

    private static bool IsName(PathToken token, string name) => token is PropertyToken { Names: [var only] } && only == name;

    /// <summary>Text of the path.</summary>
    public override string ToString() => Text;

    private bool TrySelectRoot(in PathScope scope, [NotNullWhen(true)] out JsonValue? root, out AslError error)
    {
        switch (Root)
        {
            case PathRoot.Input:
                root = scope.Input;
                break;
            case PathRoot.Context:
                root = scope.Context;
                break;
            default:
                if (scope.Variables is null || !scope.Variables.TryGetVariable(VariableName!, out root))
                {
                    root = null;
                    error = new AslError(StatesErrors.Runtime, $"Invalid path '{Text}' : The variable '{VariableName}' is not defined.");
                    return false;
                }

                break;
        }

        error = default;
        return true;
    }
}
