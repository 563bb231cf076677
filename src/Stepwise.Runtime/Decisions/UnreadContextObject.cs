using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// The context source of a scope whose state cannot read <c>$$</c> (no string in its definition holds <c>$$</c>): one
/// shared instance instead of a <see cref="LazyContextObject"/> per evaluation. Asked for the object, it is a bug.
/// </summary>
internal sealed class UnreadContextObject : IContextObjectSource
{
    public static readonly UnreadContextObject Instance = new();

    private UnreadContextObject()
    {
    }

    public JsonValue GetContextObject() => ThrowRead();

    [DoesNotReturn]
    private static JsonValue ThrowRead() =>
        throw new InvalidOperationException("A path read the context object of a state whose definition never names $$.");
}
