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
}
