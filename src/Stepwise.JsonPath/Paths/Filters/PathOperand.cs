using Stepwise.Json;

namespace Stepwise.JsonPath.Paths.Filters;

/// <summary>
/// <c>@.a.b</c> (from the candidate) or <c>$.a</c> (from the document root). A definite path yields its node or
/// nothing; an indefinite one yields the array of its matches, as Jayway does inside filters.
/// </summary>
internal sealed class PathOperand(bool fromRoot, PathToken[] tokens) : FilterOperand
{
    private readonly bool _definite = IsDefinite(tokens);

    public override JsonValue? Resolve(JsonValue current, JsonValue root)
    {
        JsonValue start = fromRoot ? root : current;
        if (!_definite)
        {
            return PathEvaluator.EvaluateIndefinite(tokens, start, root);
        }

        return PathEvaluator.TryEvaluateDefinite(tokens, start, out JsonValue value, out _) ? value : null;
    }

    private static bool IsDefinite(PathToken[] tokens)
    {
        foreach (PathToken token in tokens)
        {
            if (!token.IsDefinite)
            {
                return false;
            }
        }

        return true;
    }
}
