using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>A <c>Wait</c> state: exactly one of the four duration fields is set.</summary>
public sealed class WaitState : State
{
    internal WaitState(string name, JsonObject json)
        : base(name, json)
    {
        string where = $"State '{name}'";
        if (json.TryGetValue("Seconds", out var seconds) && seconds is JsonNumber)
        {
            Seconds = ModelReader.ReadOptionalInt64(json, "Seconds", where);
        }
        else
        {
            // JSONata mode writes Seconds as an expression string; keep it raw for that issue.
            RawSeconds = seconds;
        }

        Timestamp = json.TryGetValue("Timestamp", out var ts) && ts is JsonString s ? s.Value : null;
        SecondsPath = ModelReader.ReadOptionalPath(json, "SecondsPath", where);
        TimestampPath = ModelReader.ReadOptionalPath(json, "TimestampPath", where);
    }

    /// <inheritdoc/>
    public override StateType Type => StateType.Wait;

    /// <summary><c>Seconds</c> as a literal integer.</summary>
    public long? Seconds { get; }

    /// <summary><c>Seconds</c> when it is not a number (a JSONata expression), kept raw.</summary>
    public JsonValue? RawSeconds { get; }

    /// <summary><c>Timestamp</c> as written (RFC 3339).</summary>
    public string? Timestamp { get; }

    /// <summary><c>SecondsPath</c>.</summary>
    public AslPath? SecondsPath { get; }

    /// <summary><c>TimestampPath</c>.</summary>
    public AslPath? TimestampPath { get; }
}
