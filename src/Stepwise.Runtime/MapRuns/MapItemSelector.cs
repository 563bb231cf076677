using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Decisions;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.MapRuns;

/// <summary>
/// A distributed Map's ItemSelector, run by the host for each item of a Map Run exactly as the interpreter runs an
/// inline Map's: JSONPath sees the state's effective input as <c>$</c>, JSONata <c>$states.input</c>; both see the item
/// as <c>$$.Map.Item</c> (<c>Index</c>, <c>Value</c>) and the variables the Map state sees. Pure: nothing is recorded.
/// Not thread-safe (one per run).
/// </summary>
public sealed class MapItemSelector
{
    private readonly Stepper _stepper;
    private readonly Frame _frame;
    private readonly MapState _state;
    private readonly JsonValue _effective;

    /// <summary>A selector for the Map state <paramref name="scope"/> names in <paramref name="definition"/> (the parent's).</summary>
    /// <param name="definition">The parent execution's state machine.</param>
    /// <param name="scope">The run's <see cref="StartMapRunCommand.ItemScope"/>.</param>
    /// <param name="random">The source of <c>States.UUID</c>/<c>$random</c> values in the selector.</param>
    /// <exception cref="ArgumentException">The scope names no Map state of the definition.</exception>
    public MapItemSelector(StateMachine definition, MapItemScope scope, Random random)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(random);
        if (scope.GraphIndex < 0 || scope.GraphIndex >= definition.Graphs.Count
            || !definition.Graphs[scope.GraphIndex].States.TryGetValue(scope.StateName, out var state) || state is not MapState map)
        {
            throw new ArgumentException($"The definition has no Map state {scope.StateName} in graph {scope.GraphIndex}.", nameof(scope));
        }

        _state = map;
        _effective = scope.EffectiveInput;
        HasSelector = map.ItemSelector is not null || map.Json.ContainsKey("ItemSelector");
        _frame = new Frame
        {
            Id = 1,
            GraphIndex = scope.GraphIndex,
            StateName = scope.StateName,
            StateInput = scope.StateInput,
            EffectiveInput = scope.EffectiveInput,
            EnteredTime = scope.EnteredTime,
            EnteredEventId = scope.EnteredEventId,
            RetryCount = scope.RetryCount,
            Phase = FramePhase.Executing,
            Variables = scope.Variables.Count == 0 ? VariableScope.Empty : VariableScope.Empty.With(scope.Variables),
        };
        _stepper = new Stepper(definition, new ExecutionSnapshot(scope.Info), scope.EnteredTime, random, Interpreter.DefaultMaxPayloadBytes);
    }

    /// <summary>False when the Map has no ItemSelector: each item is its child's input as it is.</summary>
    public bool HasSelector { get; }

    /// <summary>
    /// The input of item <paramref name="index"/> (<paramref name="item"/>); false with AWS's error and cause when the
    /// selector fails (States.Runtime for JSONPath, States.QueryEvaluationError for JSONata, the state named in the cause).
    /// </summary>
    public bool TrySelect(long index, JsonValue item, out JsonValue input, out string error, out string cause)
    {
        ArgumentNullException.ThrowIfNull(item);
        error = string.Empty;
        cause = string.Empty;
        if (!HasSelector)
        {
            input = item;
            return true;
        }

        if (_stepper.TrySelectItem(_frame, _state, _effective, checked((int)index), item, out input, out var failure, out var pathError))
        {
            return true;
        }

        if (failure is not null)
        {
            error = StatesErrors.QueryEvaluationError;
            cause = Stepper.QueryFailureCause(_frame, _state, failure.Cause);
        }
        else
        {
            var prefixed = Stepper.WithStatePrefix(_frame, _state, pathError!.Value);
            error = prefixed.Error;
            cause = prefixed.Cause;
        }

        return false;
    }
}
