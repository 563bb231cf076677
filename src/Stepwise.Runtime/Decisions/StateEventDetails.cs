using Stepwise.Json;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// A <c>stateEnteredEventDetails</c> (<c>{input, inputDetails, name}</c>) or a <c>stateExitedEventDetails</c> without
/// assigned variables (<c>{name, output, outputDetails}</c>), in AWS's key order, built when read.
/// </summary>
internal sealed class StateEventDetails(string name, JsonValue payload, bool entered) : LazyEventDetails
{
    private static readonly string[] s_enteredKeys = ["input", "inputDetails", "name"];
    private static readonly string[] s_exitedKeys = ["name", "output", "outputDetails"];

    public override JsonObject Build() => entered
        ? JsonObject.TakeOwnership(s_enteredKeys, [JsonString.TextOf(payload), Stepper.NotTruncated, name])
        : JsonObject.TakeOwnership(s_exitedKeys, [name, JsonString.TextOf(payload), Stepper.NotTruncated]);
}
