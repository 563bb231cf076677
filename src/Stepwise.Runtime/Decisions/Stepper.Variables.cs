using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Decisions;

internal sealed partial class Stepper
{
    /// <summary>
    /// Evaluates an <c>Assign</c> block of <paramref name="state"/> against <paramref name="input"/> (the state's
    /// result for Task/Map/Parallel, its result for Pass, its effective input for Choice/Wait, the error output in a
    /// catcher) with the variables as they were when the state was entered. True with null when there is nothing to
    /// assign; false after failing the state when an expression fails. Nothing is written until
    /// <see cref="ExitState"/>: every field of the state sees the same variables.
    /// </summary>
    private bool TryEvaluateAssign(Frame frame, State state, JsonValue? assign, JsonValue input, out JsonObject? assigned)
    {
        if (TryEvaluateAssign(frame, state, assign, input, out assigned, out var error))
        {
            return true;
        }

        StateFailed(frame, state, WithStatePrefix(frame, state, error));
        return false;
    }

    /// <summary>Evaluates an <c>Assign</c> block without failing the state (catchers handle their own errors).</summary>
    private bool TryEvaluateAssign(Frame frame, State state, JsonValue? assign, JsonValue input, out JsonObject? assigned, out AslError error)
    {
        assigned = null;
        error = default;
        if (assign is null)
        {
            return true;
        }

        if (IsJsonata(state))
        {
            // JSONata Assign ({% %} expressions) is evaluated by the JSONata states; they hand the evaluated object
            // to ExitState.
            return true;
        }

        return JsonPathAssign.TryEvaluate(assign, Scope(frame, state, input), out assigned, out error);
    }

    private bool IsJsonata(State state) => (state.QueryLanguage ?? _definition.QueryLanguage) == "JSONata";

    /// <summary>
    /// Writes <paramref name="assigned"/> (name → already evaluated value, from either query language) to
    /// <paramref name="frame"/>'s scope after checking AWS's limits, and returns the <c>assignedVariables</c> record
    /// for the StateExited event; false after failing the state when a limit is exceeded.
    /// </summary>
    private bool TryCommitAssigned(Frame frame, State state, JsonObject assigned, out JsonObject record)
    {
        if (!VariableLimits.TryCheck(state.Name, frame.Variables, assigned, out var error))
        {
            record = JsonObject.Empty;
            StateFailed(frame, state, error);
            return false;
        }

        frame.Variables = frame.Variables.With(assigned);
        record = AssignedVariablesRecord.Build(assigned);
        return true;
    }
}
