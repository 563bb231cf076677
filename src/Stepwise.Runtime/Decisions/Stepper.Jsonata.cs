using Stepwise.Definition.Jsonata;
using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.Jsonata;
using Stepwise.JsonPath;
using Stepwise.Runtime.Jsonata;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// States written in JSONata (<c>"QueryLanguage": "JSONata"</c> on the state or the state machine): Arguments, Output,
/// Assign and the expression forms of the other fields, with <c>$states</c> bound as AWS binds it. Every evaluation
/// failure is <c>States.QueryEvaluationError</c>, recorded first as an EvaluationFailed event.
/// </summary>
internal sealed partial class Stepper
{
    /// <summary>
    /// The bindings for one evaluation: the variables in scope, then <c>$states</c> (input, context, and result or
    /// errorOutput where AWS allows them), then the per-execution functions.
    /// </summary>
    private JsonataBindings JsonataScope(Frame frame, State state, JsonValue? result = null, JsonValue? errorOutput = null,
        string? taskToken = null, int mapIndex = -1, JsonValue? mapValue = null)
    {
        var bindings = new JsonataBindings();
        BindJsonataVariables(frame, bindings);
        var states = new JsonObjectBuilder(4)
            .Set("input", frame.StateInput)
            .Set("context", BuildContext(frame, state, taskToken, mapIndex, mapValue));
        if (result is not null)
        {
            states.Set("result", result);
        }

        if (errorOutput is not null)
        {
            states.Set("errorOutput", errorOutput);
        }

        bindings.Set("states", states.ToObject());
        AwsJsonataFunctions.BindRandom(bindings, _random);
        return bindings;
    }

    /// <summary>Evaluates a JSONata field; on failure records it (EvaluationFailed) and fails the state.</summary>
    private bool TryEvaluateJsonata(Frame frame, State state, JsonValue raw, string location, JsonataBindings bindings, out JsonValue value)
    {
        if (TryEvaluateJsonata(frame, raw, location, bindings, out value, out var failure))
        {
            return true;
        }

        QueryFailed(frame, state, failure!.Location, failure.Cause);
        return false;
    }

    private bool TryEvaluateJsonata(Frame frame, JsonValue raw, string location, JsonataBindings bindings, out JsonValue value, out JsonataFailure? failure)
    {
        JsonataTemplate template;
        try
        {
            template = JsonataTemplate.For(raw);
        }
        catch (JsonataException e)
        {
            // The validator rejects syntax errors before a run; a definition that skipped it fails here, as data.
            value = JsonValue.Null;
            failure = new JsonataFailure(location,
                $"The JSONata expression '{(raw is JsonString s ? JsonataTemplate.ExpressionBody(s.Value) : raw.ToJsonString())}' specified for the field '{location}' threw an error during evaluation. {e.Code}: {e.Message}");
            return false;
        }

        using var clock = EvaluationClock.Use(_now);
        // AWS evaluates with no context item: the input is $states.input, a top-level '$' or bare name is nothing.
        return template.TryEvaluate(null, bindings, location, out value, out failure);
    }

    /// <summary>A States.QueryEvaluationError's cause: AWS names the state and its StateEntered event before the JSONata error.</summary>
    internal static string QueryFailureCause(Frame frame, State state, string cause) =>
        $"An error occurred while executing the state '{state.Name}' (entered at the event id #{frame.EnteredEventId}). {cause}";

    /// <summary>
    /// Records EvaluationFailed (chained, as AWS chains an expression's failure, to the event before StateEntered; a
    /// value that evaluated but cannot be used, such as a malformed Timestamp, chains normally) and fails the state with
    /// States.QueryEvaluationError, which Retry and Catch handle like any other error.
    /// </summary>
    private void QueryFailed(Frame frame, State state, string? location, string cause, bool afterEntered = false)
    {
        string prefixed = QueryFailureCause(frame, state, cause);
        var details = new JsonObjectBuilder(4)
            .Set("cause", prefixed)
            .Set("error", StatesErrors.QueryEvaluationError);
        if (location is not null)
        {
            details.Set("location", location);
        }

        details.Set("state", state.Name);
        Emit(frame, "EvaluationFailed", "evaluationFailedEventDetails", details.ToObject(),
            previous: afterEntered ? null : frame.EnteredPreviousEventId);
        StateFailed(frame, state, StatesErrors.QueryEvaluationError, prefixed);
    }

    private void ExecuteJsonataState(Frame frame, State state)
    {
        switch (state)
        {
            case PassState:
            case SucceedState:
                FinishJsonataState(frame, state, null, state.Next);
                break;
            case TaskState task:
                ExecuteJsonataTask(frame, task);
                break;
            case ChoiceState choice:
                ExecuteJsonataChoice(frame, choice);
                break;
            case WaitState wait:
                ExecuteJsonataWait(frame, wait);
                break;
            case FailState fail:
                ExecuteJsonataFail(frame, fail);
                break;
            case ParallelState parallel:
                ExecuteJsonataParallel(frame, parallel);
                break;
            case MapState map:
                ExecuteJsonataMap(frame, map);
                break;
            default:
                throw new InvalidOperationException($"Unknown state type {state.GetType().Name}.");
        }
    }

    /// <summary>
    /// Ends a JSONata state: Assign and Output see the same <c>$states</c> (and the variables as they were before this
    /// state assigns), Output defaults to the result (Task, Map, Parallel) or the input, then the state exits.
    /// </summary>
    private void FinishJsonataState(Frame frame, State state, JsonValue? result, string? next, JsonataBindings? bindings = null) =>
        FinishJsonataState(frame, state, result, next, state.Output, state.Assign, bindings, string.Empty);

    /// <summary>
    /// Ends a JSONata state with explicit Output/Assign fields: a matching Choice rule's own (the state's fields go
    /// with Default only), located under <paramref name="locationPrefix"/>.
    /// </summary>
    private void FinishJsonataState(Frame frame, State state, JsonValue? result, string? next,
        JsonValue? output, JsonValue? assign, JsonataBindings? bindings, string locationPrefix)
    {

        if (output is null && assign is null)
        {
            ExitJsonataState(frame, state, result ?? frame.StateInput, null, next);
            return;
        }

        bindings ??= JsonataScope(frame, state, result, taskToken: frame.TaskToken);
        JsonValue? assigned = null;
        if (assign is not null && !TryEvaluateJsonata(frame, state, assign, locationPrefix + "Assign", bindings, out assigned))
        {
            return;
        }

        var stateOutput = result ?? frame.StateInput;
        if (output is not null && !TryEvaluateJsonata(frame, state, output, locationPrefix + "Output", bindings, out stateOutput))
        {
            return;
        }

        ExitJsonataState(frame, state, stateOutput, assigned, next);
    }

    /// <summary>Exits through the variables seam: ExitState checks AWS's limits, writes the scope and records assignedVariables.</summary>
    private void ExitJsonataState(Frame frame, State state, JsonValue output, JsonValue? assigned, string? next) =>
        ExitState(frame, state, output, next, assigned as JsonObject);

    private void ExecuteJsonataTask(Frame frame, TaskState state)
    {
        var resource = TaskResource.Of(state);
        string? token = resource.WaitsForTaskToken ? NewTaskToken() : null;
        var bindings = JsonataScope(frame, state, taskToken: token);
        var arguments = frame.StateInput;
        if (state.Arguments is not null && !TryEvaluateJsonata(frame, state, state.Arguments, "Arguments", bindings, out arguments))
        {
            return;
        }

        if (!TryJsonataSeconds(frame, state, state.TimeoutSecondsExpression, "TimeoutSeconds", bindings, state.TimeoutSeconds, out var timeout)
            || !TryJsonataSeconds(frame, state, state.HeartbeatSecondsExpression, "HeartbeatSeconds", bindings, state.HeartbeatSeconds, out var heartbeat))
        {
            return;
        }

        JsonObject? credentials = null;
        if (state.Credentials is not null)
        {
            if (!TryEvaluateJsonata(frame, state, state.Credentials, "Credentials", bindings, out var evaluated))
            {
                return;
            }

            credentials = TaskCredentials(evaluated);
        }

        ScheduleTask(frame, state, resource, token, BuildContext(frame, state, token), arguments, timeout, heartbeat, credentials);
    }

    /// <summary>The scheduled event's <c>taskCredentials</c>: AWS records the role as <c>roleArn</c>.</summary>
    private static JsonObject? TaskCredentials(JsonValue credentials) =>
        credentials is JsonObject obj && obj.TryGetValue("RoleArn", out var role)
            ? JsonObject.Create(("roleArn", role))
            : null;

    private bool TryJsonataSeconds(Frame frame, State state, JsonValue? raw, string field, JsonataBindings bindings, long? literal, out long? seconds)
    {
        seconds = literal;
        if (raw is null)
        {
            return true;
        }

        if (!TryEvaluateJsonata(frame, state, raw, field, bindings, out var value))
        {
            return false;
        }

        if (!TryReadCount(value, out long count) || count <= 0)
        {
            QueryFailed(frame, state, field, JsonataTypes.UnexpectedType(ExpressionOf(raw), field, "integer", value));
            return false;
        }

        seconds = count;
        return true;
    }

    private static string ExpressionOf(JsonValue raw) =>
        raw is JsonString s && JsonataTemplate.IsExpression(s.Value) ? JsonataTemplate.ExpressionBody(s.Value) : raw.ToJsonString();

    private void ExecuteJsonataChoice(Frame frame, ChoiceState state)
    {
        var bindings = JsonataScope(frame, state);
        foreach (var rule in state.JsonataChoices)
        {
            var condition = rule.Condition;

            // AWS names a rule's fields under its index (Choices[1]/Condition, Choices[1]/Output/v).
            string prefix = $"Choices[{rule.Index}]/";
            if (!TryEvaluateJsonata(frame, state, condition, prefix + "Condition", bindings, out var matched))
            {
                return;
            }

            if (!matched.IsBoolean)
            {
                QueryFailed(frame, state, prefix + "Condition", JsonataTypes.UnexpectedType(ExpressionOf(condition), prefix + "Condition", "boolean", matched));
                return;
            }

            if (matched.AsBoolean())
            {
                // A matching rule's own Output/Assign replace the state's.
                FinishJsonataState(frame, state, null, rule.Next, rule.Output, rule.Assign, bindings, prefix);
                return;
            }
        }

        if (state.Default is null)
        {
            StateFailed(frame, state, new AslError(StatesErrors.NoChoiceMatched, "No Matches!"));
            return;
        }

        FinishJsonataState(frame, state, null, state.Default, bindings: bindings);
    }

    private void ExecuteJsonataWait(Frame frame, WaitState state)
    {
        var bindings = JsonataScope(frame, state);
        DateTimeOffset due;
        if (state.Json.TryGetValue("Seconds", out var rawSeconds))
        {
            if (!TryEvaluateJsonata(frame, state, rawSeconds, "Seconds", bindings, out var value))
            {
                return;
            }

            if (!TryReadCount(value, out long seconds) || seconds < 0)
            {
                QueryFailed(frame, state, "Seconds", JsonataTypes.UnexpectedType(ExpressionOf(rawSeconds), "Seconds", "integer", value));
                return;
            }

            due = _now.AddSeconds(Math.Min(seconds, (long)int.MaxValue * 2));
        }
        else if (state.Json.TryGetValue("Timestamp", out var rawTimestamp))
        {
            if (!TryEvaluateJsonata(frame, state, rawTimestamp, "Timestamp", bindings, out var value))
            {
                return;
            }

            if (value is not JsonString text || !AslTimestamp.TryParse(text.Value, out due))
            {
                QueryFailed(frame, state, "Timestamp",
                    $"The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {Display(value)}",
                    afterEntered: true);
                return;
            }
        }
        else
        {
            throw new FormatException($"State '{state.Name}': a JSONata Wait state needs 'Seconds' or 'Timestamp'.");
        }

        var delay = due - _now;
        if (delay.TotalSeconds > int.MaxValue)
        {
            StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError("Wait state delay is too long.")));
            return;
        }

        frame.EffectiveInput = frame.StateInput;
        frame.TimerId = StartTimer(frame.Id, TimerPurpose.Wait, delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        frame.Phase = FramePhase.WaitingTimer;
    }

    private void ExecuteJsonataFail(Frame frame, FailState state)
    {
        var bindings = JsonataScope(frame, state);
        if (!TryJsonataText(frame, state, "Error", bindings, out var error) || !TryJsonataText(frame, state, "Cause", bindings, out var cause))
        {
            return;
        }

        FrameFailed(frame, error, cause);
    }

    private bool TryJsonataText(Frame frame, State state, string field, JsonataBindings bindings, out string? text)
    {
        text = null;
        if (!state.Json.TryGetValue(field, out var raw))
        {
            return true;
        }

        if (!TryEvaluateJsonata(frame, state, raw, field, bindings, out var value))
        {
            return false;
        }

        if (value is not JsonString s)
        {
            QueryFailed(frame, state, field, JsonataTypes.UnexpectedType(ExpressionOf(raw), field, "string", value));
            return false;
        }

        text = s.Value;
        return true;
    }

    private void ExecuteJsonataParallel(Frame frame, ParallelState state)
    {
        var branchInput = frame.StateInput;
        if (state.Arguments is not null && !TryEvaluateJsonata(frame, state, state.Arguments, "Arguments", JsonataScope(frame, state), out branchInput))
        {
            return;
        }

        StartBranches(frame, state, frame.StateInput, branchInput);
    }

    private void ExecuteJsonataMap(Frame frame, MapState state)
    {
        var bindings = JsonataScope(frame, state);
        JsonValue itemsValue = ItemReaderDataInTest(state) ?? (ReadsItems(state) ? JsonArray.Empty : frame.StateInput);
        if (state.Items is not null && state.ItemReader is null)
        {
            if (!TryEvaluateJsonata(frame, state, state.Items, "Items", bindings, out itemsValue))
            {
                return;
            }

            if (itemsValue is not JsonArray)
            {
                QueryFailed(frame, state, "Items", JsonataTypes.UnexpectedType(ExpressionOf(state.Items), "Items", "array", itemsValue));
                return;
            }
        }
        else if (itemsValue is not JsonArray)
        {
            QueryFailed(frame, state, null, $"Map state input must be an array but was: {itemsValue.ToJsonString()}");
            return;
        }

        long maxConcurrency = state.MaxConcurrency ?? 0;
        if (state.MaxConcurrencyExpression is not null)
        {
            if (!TryJsonataCount(frame, state, state.MaxConcurrencyExpression, "MaxConcurrency", bindings, out maxConcurrency))
            {
                return;
            }
        }

        long started = Emit(frame, "MapStateStarted", "mapStateStartedEventDetails",
            JsonObject.Create(("length", (JsonValue)((JsonArray)itemsValue).Count)));

        long toleratedCount = state.ToleratedFailureCount ?? -1;
        if (state.ToleratedFailureCountExpression is not null
            && !TryJsonataCount(frame, state, state.ToleratedFailureCountExpression, "ToleratedFailureCount", bindings, out toleratedCount))
        {
            return;
        }

        double toleratedPercentage = state.ToleratedFailurePercentage ?? -1;
        if (state.ToleratedFailurePercentageExpression is not null)
        {
            var raw = state.ToleratedFailurePercentageExpression;
            if (!TryEvaluateJsonata(frame, state, raw, "ToleratedFailurePercentage", bindings, out var value))
            {
                return;
            }

            if (value is not JsonNumber n || n.ToDouble() is < 0 or > 100)
            {
                QueryFailed(frame, state, "ToleratedFailurePercentage", JsonataTypes.UnexpectedType(ExpressionOf(raw), "ToleratedFailurePercentage", "number", value));
                return;
            }

            toleratedPercentage = n.ToDouble();
        }

        _ = started;
        LaunchMap(frame, state, frame.StateInput, (JsonArray)itemsValue, maxConcurrency, toleratedCount, toleratedPercentage);
    }

    private bool TryJsonataCount(Frame frame, State state, JsonValue raw, string field, JsonataBindings bindings, out long count)
    {
        count = 0;
        if (!TryEvaluateJsonata(frame, state, raw, field, bindings, out var value))
        {
            return false;
        }

        if (!TryReadCount(value, out count) || count < 0)
        {
            QueryFailed(frame, state, field, JsonataTypes.UnexpectedType(ExpressionOf(raw), field, "integer", value));
            return false;
        }

        return true;
    }

    /// <summary>A JSONata catcher: its Output (default: the error output) and Assign see <c>$states.errorOutput</c>.</summary>
    private void CatchJsonata(Frame frame, State state, int index, Catcher catcher, JsonObject errorOutput)
    {
        string prefix = $"Catch[{index}]/";
        if (catcher.Output is null && catcher.Assign is null)
        {
            ExitState(frame, state, errorOutput, catcher.Next);
            return;
        }

        var bindings = JsonataScope(frame, state, errorOutput: errorOutput);
        JsonValue? assigned = null;
        JsonataFailure? failure = null;
        if (catcher.Assign is not null && !TryEvaluateJsonata(frame, catcher.Assign, prefix + "Assign", bindings, out assigned, out failure))
        {
            CatcherFailed(frame, state, failure!);
            return;
        }

        JsonValue output = errorOutput;
        if (catcher.Output is not null && !TryEvaluateJsonata(frame, catcher.Output, prefix + "Output", bindings, out output, out failure))
        {
            CatcherFailed(frame, state, failure!);
            return;
        }

        ExitJsonataState(frame, state, output, assigned, catcher.Next);
    }

    /// <summary>A catcher's own expression failed: the error is not caught again, the frame fails.</summary>
    private void CatcherFailed(Frame frame, State state, JsonataFailure failure)
    {
        string prefixed = QueryFailureCause(frame, state, failure.Cause);
        Emit(frame, "EvaluationFailed", "evaluationFailedEventDetails", new JsonObjectBuilder(4)
            .Set("cause", prefixed)
            .Set("error", StatesErrors.QueryEvaluationError)
            .Set("location", failure.Location)
            .Set("state", state.Name)
            .ToObject(), previous: frame.EnteredPreviousEventId);
        FrameFailed(frame, StatesErrors.QueryEvaluationError, prefixed);
    }
}
