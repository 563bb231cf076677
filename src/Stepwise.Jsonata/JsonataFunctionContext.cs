using Stepwise.Json;

namespace Stepwise.Jsonata;

/// <summary>What a host function sees of its call besides its arguments.</summary>
public sealed class JsonataFunctionContext
{
    internal JsonataFunctionContext(JsonValue? input, DateTimeOffset now)
    {
        Input = input;
        Now = now;
    }

    /// <summary>The context value at the call site (the current step's item), or null when undefined.</summary>
    public JsonValue? Input { get; }

    /// <summary>The evaluation's timestamp (the same one <c>$now()</c> reports).</summary>
    public DateTimeOffset Now { get; }
}
