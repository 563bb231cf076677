using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// The context object of one evaluation, built by <see cref="Stepper.BuildContext"/> only if a path reads <c>$$</c>
/// (most Parameters, paths and Choice rules never do). It is read while the frame is where it was when the scope was
/// made: scopes live for one evaluation.
/// </summary>
internal sealed class LazyContextObject(Stepper stepper, Frame frame, State state, int mapIndex = -1, JsonValue? mapValue = null) : IContextObjectSource
{
    private JsonObject? _built;

    public JsonValue GetContextObject() => _built ??= stepper.BuildContext(frame, state, null, mapIndex, mapValue);
}
