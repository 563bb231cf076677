using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath;

/// <summary>
/// Supplies the context object (<c>$$</c>) when a path first reads it. Most paths and templates never read <c>$$</c>,
/// and the runtime's context object (execution, state machine, state with its formatted entry time) costs more to
/// build than evaluating them, so a <see cref="PathScope"/> may carry this source instead of the built object.
/// </summary>
public interface IContextObjectSource
{
    /// <summary>The context object; the same value on every call for one scope.</summary>
    JsonValue GetContextObject();

    /// <summary>
    /// The Map item the context object holds (<c>$$.Map.Item.Index</c> and <c>$$.Map.Item.Value</c>) without building
    /// the object: a Map's ItemSelector reads them for every item, and building a context object per item cost more
    /// than the rest of selecting it. False when the source has no Map item or cannot answer without building.
    /// </summary>
    bool TryGetMapItem([NotNullWhen(true)] out JsonValue? index, [NotNullWhen(true)] out JsonValue? value)
    {
        index = null;
        value = null;
        return false;
    }
}
