using Stepwise.Json;

namespace Stepwise.Runtime.MapRuns;

/// <summary>
/// What a distributed Map's ItemSelector reads besides the item, frozen when the Map Run starts: the execution, the
/// Map state and its entry (the context object's <c>Execution</c>, <c>StateMachine</c> and <c>State</c>), the state's raw
/// and effective input, and the variables the state sees. Plain data, so a durable host can store it with the run.
/// </summary>
/// <param name="Info">The parent execution.</param>
/// <param name="GraphIndex">The index of the graph holding the Map state in the parent's definition.</param>
/// <param name="StateName">The Map state's name.</param>
/// <param name="StateInput">The state's raw input (JSONata's <c>$states.input</c>).</param>
/// <param name="EffectiveInput">The state's input after InputPath (JSONPath's <c>$</c>).</param>
/// <param name="EnteredTime">When the state was entered (<c>$$.State.EnteredTime</c>).</param>
/// <param name="EnteredEventId">The id of its MapStateEntered event (AWS names it in States.Runtime causes).</param>
/// <param name="RetryCount"><c>$$.State.RetryCount</c>.</param>
/// <param name="Variables">Every variable the state sees, by name (inner ones hiding outer ones).</param>
public sealed record MapItemScope(ExecutionInfo Info, int GraphIndex, string StateName, JsonValue StateInput, JsonValue EffectiveInput,
    DateTimeOffset EnteredTime, long EnteredEventId, int RetryCount, JsonObject Variables);
