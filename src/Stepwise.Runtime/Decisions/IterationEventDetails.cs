using Stepwise.Json;

namespace Stepwise.Runtime.Decisions;

/// <summary>The details of a Map iteration's events (<c>{index, name}</c>: MapIterationStarted, ...Succeeded, ...), built when read.</summary>
internal sealed class IterationEventDetails(int index, string name) : LazyEventDetails
{
    private static readonly string[] s_keys = ["index", "name"];

    public override JsonObject Build() => JsonObject.TakeOwnership(s_keys, [index, name]);
}
