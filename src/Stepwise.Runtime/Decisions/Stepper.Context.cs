using System.Runtime.CompilerServices;
using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Decisions;

internal sealed partial class Stepper
{
    private static readonly string[] s_contextKeys = ["Execution", "StateMachine", "State"];
    private static readonly string[] s_contextTaskKeys = ["Execution", "StateMachine", "State", "Task"];
    private static readonly string[] s_contextMapKeys = ["Execution", "StateMachine", "State", "Map"];
    private static readonly string[] s_contextTaskMapKeys = ["Execution", "StateMachine", "State", "Task", "Map"];
    private static readonly string[] s_taskKeys = ["Token"];
    private static readonly string[] s_mapKeys = ["Item"];
    private static readonly string[] s_itemKeys = ["Index", "Value"];
    private static readonly string[] s_stateKeys = ["Name", "EnteredTime"];
    private static readonly string[] s_stateRetryKeys = ["Name", "EnteredTime", "RetryCount"];

    /// <summary>
    /// The context object (<c>$$</c>) for <paramref name="frame"/>'s current state, keyed in AWS's order. Only states
    /// that can retry (Task, Parallel, Map) carry <c>State.RetryCount</c>, as AWS shows it.
    /// </summary>
    internal JsonObject BuildContext(Frame frame, State state, string? taskToken = null, int mapIndex = -1, JsonValue? mapValue = null)
    {
        if (Inspector?.Context is JsonObject given)
        {
            // TestState's caller-given context object stands as given, State and Task included.
            return given;
        }

        var (execution, stateMachine) = _snapshot.ContextParts ??= BuildContextParts(_snapshot.Info);
        var stateObject = StateContext(frame, state);

        // Each shape's keys are one shared array: a Map's ItemSelector builds a context per item.
        JsonValue? task = taskToken is null ? null : JsonObject.TakeOwnership(s_taskKeys, [(JsonValue)taskToken]);
        JsonValue? map = mapIndex < 0
            ? null
            : JsonObject.TakeOwnership(s_mapKeys, [JsonObject.TakeOwnership(s_itemKeys, [(JsonValue)mapIndex, mapValue ?? JsonValue.Null])]);
        return (task, map) switch
        {
            (null, null) => JsonObject.TakeOwnership(s_contextKeys, [execution, stateMachine, stateObject]),
            (not null, null) => JsonObject.TakeOwnership(s_contextTaskKeys, [execution, stateMachine, stateObject, task]),
            (null, not null) => JsonObject.TakeOwnership(s_contextMapKeys, [execution, stateMachine, stateObject, map]),
            _ => JsonObject.TakeOwnership(s_contextTaskMapKeys, [execution, stateMachine, stateObject, task, map]),
        };
    }

    /// <summary>
    /// The context's <c>State</c> member. It depends only on the state, its entry time and the retry count, so the last
    /// one built is reused while those stay the same: a Map's ItemSelector builds a context per item, all in one entry.
    /// The entry time's value is kept apart: the states a decision runs through (a chain of Tasks answered inline) all
    /// enter at the decision's time, so their contexts share one string value instead of wrapping the text once each.
    /// </summary>
    private JsonObject StateContext(Frame frame, State state)
    {
        if (_stateContext is { } last && ReferenceEquals(last.State, state) && last.Entered == frame.EnteredTime && last.RetryCount == frame.RetryCount)
        {
            return last.Value;
        }

        if (_enteredTimeText is not { } entered || entered.Entered != frame.EnteredTime)
        {
            entered = (frame.EnteredTime, AslTimestamp.Format(frame.EnteredTime));
            _enteredTimeText = entered;
        }

        // Its keys are known and distinct: the object takes its arrays as they are, as the context itself does.
        var value = state.Type is StateType.Task or StateType.Parallel or StateType.Map
            ? JsonObject.TakeOwnership(s_stateRetryKeys, [(JsonValue)state.Name, entered.Text, (JsonValue)frame.RetryCount])
            : JsonObject.TakeOwnership(s_stateKeys, [(JsonValue)state.Name, entered.Text]);
        _stateContext = (state, frame.EnteredTime, frame.RetryCount, value);
        return value;
    }

    internal static (JsonObject Execution, JsonObject StateMachine) BuildContextParts(ExecutionInfo info)
    {
        var executionBuilder = new JsonObjectBuilder(6)
            .Set("Id", info.ExecutionArn)
            .Set("Input", info.Input)
            .Set("StartTime", AslTimestamp.Format(info.StartTime))
            .Set("Name", info.ExecutionName)
            .Set("RoleArn", info.RoleArn);
        if (info.RedriveCount is int redriveCount)
        {
            executionBuilder.Set("RedriveCount", redriveCount);
        }

        var stateMachine = JsonObject.Create(("Id", (JsonValue)info.StateMachineArn), ("Name", (JsonValue)info.StateMachineName));
        return (executionBuilder.ToObject(), stateMachine);
    }

    private PathScope Scope(Frame frame, State state, JsonValue input) =>
        new(input, ReadsContext(state) ? new LazyContextObject(this, frame, state) : UnreadContextObject.Instance, frame.Variables, _random);

    /// <summary>Each state's answer to <see cref="ReadsContext"/>, kept while its definition lives.</summary>
    private static readonly ConditionalWeakTable<State, object> s_readsContext = [];

    private static readonly object s_reads = new();
    private static readonly object s_readsNot = new();

    /// <summary>
    /// Whether a path or intrinsic of <paramref name="state"/> may read <c>$$</c>: only a string holding <c>$$</c> can
    /// (a nested state's strings count too, erring towards yes). Most states never do, and their evaluations (a Pass
    /// state's Parameters, a Choice state's rules) then share one source instead of allocating one each.
    /// </summary>
    private static bool ReadsContext(State state)
    {
        var answer = s_readsContext.GetValue(state, static s => NamesContext(s.Json) ? s_reads : s_readsNot);
        return ReferenceEquals(answer, s_reads);
    }

    private static bool NamesContext(JsonValue value)
    {
        switch (value)
        {
            case JsonString text:
                return text.Value.Contains("$$", StringComparison.Ordinal);
            case JsonObject obj:
                for (int i = 0; i < obj.Count; i++)
                {
                    if (NamesContext(obj[i].Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (NamesContext(array[i]))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>AWS prefixes every States.Runtime cause with the state and the id of its StateEntered event.</summary>
    internal static AslError WithStatePrefix(Frame frame, State state, AslError error)
    {
        if (error.Error != StatesErrors.Runtime || error.Cause.StartsWith("An error occurred while executing the state", StringComparison.Ordinal))
        {
            return error;
        }

        return new AslError(error.Error, QueryFailureCause(frame, state, error.Cause));
    }

    private static AslError RuntimeError(string cause) => new(StatesErrors.Runtime, cause);

    private bool TryApplyPath(Frame frame, State state, PathField field, JsonValue value, out JsonValue result)
    {
        if (field.IsNull)
        {
            // A null InputPath/OutputPath yields an empty object (AWS "InputPath, Parameters and ResultSelector").
            result = JsonObject.Empty;
            return true;
        }

        if (field.IsIdentity)
        {
            result = value;
            return true;
        }

        if (field.Path!.TryEvaluate(Scope(frame, state, value), out var selected, out var error))
        {
            result = selected;
            return true;
        }

        result = JsonValue.Null;
        StateFailed(frame, state, WithStatePrefix(frame, state, error));
        return false;
    }

    private bool TryApplyTemplate(Frame frame, State state, PayloadTemplate template, in PathScope scope, out JsonValue result)
    {
        if (template.TryEvaluate(scope, out var evaluated, out var error))
        {
            result = evaluated;
            return true;
        }

        result = JsonValue.Null;
        StateFailed(frame, state, WithStatePrefix(frame, state, error));
        return false;
    }

    private bool TryApplyResultPath(Frame frame, State state, ResultPathField field, JsonValue rawInput, JsonValue result, out JsonValue output)
    {
        if (field.IsNull)
        {
            output = rawInput;
            return true;
        }

        if (field.Path is null)
        {
            output = result;
            return true;
        }

        if (field.Path.TryApply(rawInput, result, out var applied, out var error))
        {
            output = applied;
            return true;
        }

        output = JsonValue.Null;
        StateFailed(frame, state, WithStatePrefix(frame, state, error));
        return false;
    }

    private static JsonObject ErrorOutput(string? error, string? cause)
    {
        var builder = new JsonObjectBuilder(2);
        if (error is not null)
        {
            builder.Set("Error", error);
        }

        if (cause is not null)
        {
            builder.Set("Cause", cause);
        }

        return builder.ToObject();
    }
}
