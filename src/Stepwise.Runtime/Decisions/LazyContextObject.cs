using System.Diagnostics.CodeAnalysis;
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

    /// <summary>The Map item BuildContext would put in the object; not for TestState's caller-given context, which stands as given.</summary>
    public bool TryGetMapItem([NotNullWhen(true)] out JsonValue? index, [NotNullWhen(true)] out JsonValue? value)
    {
        if (mapIndex < 0 || stepper.Inspector?.Context is not null)
        {
            index = null;
            value = null;
            return false;
        }

        index = mapIndex;
        value = mapValue ?? JsonValue.Null;
        return true;
    }
}
