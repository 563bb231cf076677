using Stepwise.Json;

namespace Stepwise.Definition.Model;

/// <summary>A <c>Succeed</c> state: ends its branch (or the execution) successfully.</summary>
public sealed class SucceedState : State
{
    internal SucceedState(string name, JsonObject json)
        : base(name, json)
    {
    }

    /// <inheritdoc/>
    public override StateType Type => StateType.Succeed;
}
