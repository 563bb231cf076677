using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Variables;

/// <summary>
/// A JSONPath state's <c>Assign</c>: a payload template whose top-level keys are variable names (a <c>"name.$"</c>
/// key takes a path, a context path, a variable path or an intrinsic function). Compiled once per definition object.
/// </summary>
internal static class JsonPathAssign
{
    // Keyed by the definition's own Assign object: a definition is parsed once and shared, so each Assign compiles once.
    private static readonly ConditionalWeakTable<JsonValue, PayloadTemplate> s_compiled = [];

    /// <summary>
    /// Evaluates <paramref name="assign"/> against <paramref name="scope"/> into the object of values to assign
    /// (name → value, names without the <c>.$</c> suffix); false with AWS's error when a path or function fails.
    /// </summary>
    public static bool TryEvaluate(JsonValue assign, in PathScope scope, [NotNullWhen(true)] out JsonObject? assigned, out AslError error)
    {
        if (!s_compiled.TryGetValue(assign, out var template))
        {
            if (!PayloadTemplate.TryCompile(assign, out template, out var errors))
            {
                // The validator rejects such definitions; a definition built without it fails the state instead.
                assigned = null;
                error = new AslError(StatesErrors.Runtime, $"The Assign field is invalid: {(errors.Count > 0 ? errors[0].Message : assign.ToJsonString())}");
                return false;
            }

            // A race compiles twice and keeps one: both results are equal and immutable.
            s_compiled.AddOrUpdate(assign, template);
        }

        if (!template.TryEvaluate(scope, out var value, out error))
        {
            assigned = null;
            return false;
        }

        if (value is not JsonObject obj)
        {
            assigned = null;
            error = new AslError(StatesErrors.Runtime, $"The Assign field must be an object, not {value.ToJsonString()}.");
            return false;
        }

        assigned = obj;
        return true;
    }
}
