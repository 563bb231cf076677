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
/// <para>
/// A writer that needs only the details' text (the durable history) reads the parts through
/// <see cref="HistoryEvent.LazyDetails"/> and writes that text without building the object.
/// </para>
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

    /// <summary>The shape of the details, each with its members in AWS's order.</summary>
    public enum Shape : byte
    {
        /// <summary>No lazy details (the default value).</summary>
        None,

        /// <summary><c>{input, inputDetails, name}</c>: a state's entered event.</summary>
        Entered,

        /// <summary><c>{name, output, outputDetails}</c>: a state's exited event without assigned variables.</summary>
        Exited,

        /// <summary><c>{index, name}</c>: a Map iteration's events.</summary>
        Iteration,

        /// <summary><c>{resource, input, inputDetails}</c>: a Lambda function's or an activity's scheduled event.</summary>
        Scheduled,

        /// <summary><c>{output, outputDetails}</c>: a Lambda function's or an activity's succeeded event.</summary>
        Output,
    }

    /// <summary>False for the default value: the event has no lazy details.</summary>
    public bool HasValue => _shape != Shape.None;

    /// <summary>Which members the details hold.</summary>
    public Shape Kind => _shape;

    /// <summary>The <c>name</c> member (the state's name) of <see cref="Shape.Entered"/>, <see cref="Shape.Exited"/> and <see cref="Shape.Iteration"/> details; the <c>resource</c> member of <see cref="Shape.Scheduled"/>; empty otherwise.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>The value whose compact JSON text is the <c>input</c> or <c>output</c> member; null for <see cref="Shape.Iteration"/> and <see cref="Shape.None"/>.</summary>
    public JsonValue? Payload => _payload;

    /// <summary>The <c>index</c> member of <see cref="Shape.Iteration"/> details.</summary>
    public int Index => _index;

    /// <summary>A <c>stateEnteredEventDetails</c>: <c>{input, inputDetails, name}</c>, in AWS's key order.</summary>
    internal static LazyEventDetails Entered(string name, JsonValue input) => new(Shape.Entered, name, input, 0);

    /// <summary>A <c>stateExitedEventDetails</c> without assigned variables: <c>{name, output, outputDetails}</c>.</summary>
    internal static LazyEventDetails Exited(string name, JsonValue output) => new(Shape.Exited, name, output, 0);

    /// <summary>The details of a Map iteration's events (<c>{index, name}</c>: MapIterationStarted, ...Succeeded, ...).</summary>
    internal static LazyEventDetails Iteration(int index, string name) => new(Shape.Iteration, name, null, index);

    /// <summary>
    /// The scheduled event of a Lambda function or activity task without timeout, heartbeat or credentials:
    /// <c>{resource, input, inputDetails}</c>.
    /// </summary>
    internal static LazyEventDetails Scheduled(string resource, JsonValue input) => new(Shape.Scheduled, resource, input, 0);

    /// <summary>The succeeded event of a Lambda function or activity task: <c>{output, outputDetails}</c>.</summary>
    internal static LazyEventDetails Output(JsonValue output) => new(Shape.Output, string.Empty, output, 0);

    /// <summary>
    /// Builds the details object (called at most once per event, barring a benign race). <c>HistoryEventText.WriteTo</c>
    /// (Stepwise.Hosting) spells the same shapes as UTF-8 text: a change of a shape here changes it there too (its tests
    /// compare both, shape by shape).
    /// </summary>
    internal JsonObject Build() => _shape switch
    {
        Shape.Entered => JsonObject.TakeOwnership(s_enteredKeys, [JsonString.TextOf(_payload!), Stepper.NotTruncated, _name!]),
        Shape.Exited => JsonObject.TakeOwnership(s_exitedKeys, [_name!, JsonString.TextOf(_payload!), Stepper.NotTruncated]),
        Shape.Iteration => JsonObject.TakeOwnership(s_iterationKeys, [_index, _name!]),
        Shape.Scheduled => JsonObject.TakeOwnership(s_scheduledKeys, [_name!, JsonString.TextOf(_payload!), Stepper.NotTruncated]),
        Shape.Output => JsonObject.TakeOwnership(s_outputKeys, [JsonString.TextOf(_payload!), Stepper.NotTruncated]),
        _ => throw new InvalidOperationException("The event has no lazy details."),
    };
}
