using Stepwise.Json;
using Stepwise.Runtime.Decisions;

namespace Stepwise.Runtime;

/// <summary>
/// The details of a history event, built only when someone reads <see cref="HistoryEvent.Details"/>. An in-memory
/// (Express) run records every event but usually reads none of their details, as AWS's Express workflows log them only
/// at the ALL level; building each event's details object eagerly was a large share of a transition's cost. The
/// values the details are made of are immutable, so building them later gives the same object. A struct kept inside
/// its event: a Map's iterations record four events each, and an object per event's details was one more for the
/// garbage collector to trace and copy for as long as the history lives.
/// </summary>
internal readonly struct LazyEventDetails
{
    private static readonly string[] s_enteredKeys = ["input", "inputDetails", "name"];
    private static readonly string[] s_exitedKeys = ["name", "output", "outputDetails"];
    private static readonly string[] s_iterationKeys = ["index", "name"];
    private static readonly string[] s_scheduledKeys = ["resource", "input", "inputDetails"];
    private static readonly string[] s_outputKeys = ["output", "outputDetails"];

    private readonly string? _name;
    private readonly JsonValue? _payload;
    private readonly int _index;
    private readonly Shape _shape;

    private LazyEventDetails(Shape shape, string name, JsonValue? payload, int index)
    {
        _shape = shape;
        _name = name;
        _payload = payload;
        _index = index;
    }

    private enum Shape : byte
    {
        None,
        Entered,
        Exited,
        Iteration,
        Scheduled,
        Output,
    }

    /// <summary>False for the default value: the event has no lazy details.</summary>
    public bool HasValue => _shape != Shape.None;

    /// <summary>A <c>stateEnteredEventDetails</c>: <c>{input, inputDetails, name}</c>, in AWS's key order.</summary>
    public static LazyEventDetails Entered(string name, JsonValue input) => new(Shape.Entered, name, input, 0);

    /// <summary>A <c>stateExitedEventDetails</c> without assigned variables: <c>{name, output, outputDetails}</c>.</summary>
    public static LazyEventDetails Exited(string name, JsonValue output) => new(Shape.Exited, name, output, 0);

    /// <summary>The details of a Map iteration's events (<c>{index, name}</c>: MapIterationStarted, ...Succeeded, ...).</summary>
    public static LazyEventDetails Iteration(int index, string name) => new(Shape.Iteration, name, null, index);

    /// <summary>
    /// The scheduled event of a Lambda function or activity task without timeout, heartbeat or credentials:
    /// <c>{resource, input, inputDetails}</c>.
    /// </summary>
    public static LazyEventDetails Scheduled(string resource, JsonValue input) => new(Shape.Scheduled, resource, input, 0);

    /// <summary>The succeeded event of a Lambda function or activity task: <c>{output, outputDetails}</c>.</summary>
    public static LazyEventDetails Output(JsonValue output) => new(Shape.Output, string.Empty, output, 0);

    /// <summary>Builds the details object (called at most once per event, barring a benign race).</summary>
    public JsonObject Build() => _shape switch
    {
        Shape.Entered => JsonObject.TakeOwnership(s_enteredKeys, [JsonString.TextOf(_payload!), Stepper.NotTruncated, _name!]),
        Shape.Exited => JsonObject.TakeOwnership(s_exitedKeys, [_name!, JsonString.TextOf(_payload!), Stepper.NotTruncated]),
        Shape.Iteration => JsonObject.TakeOwnership(s_iterationKeys, [_index, _name!]),
        Shape.Scheduled => JsonObject.TakeOwnership(s_scheduledKeys, [_name!, JsonString.TextOf(_payload!), Stepper.NotTruncated]),
        Shape.Output => JsonObject.TakeOwnership(s_outputKeys, [JsonString.TextOf(_payload!), Stepper.NotTruncated]),
        _ => throw new InvalidOperationException("The event has no lazy details."),
    };
}
