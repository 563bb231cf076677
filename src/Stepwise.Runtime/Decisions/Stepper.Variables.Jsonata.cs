using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.Jsonata;

namespace Stepwise.Runtime.Decisions;

/// <summary>The seam between JSONata states and the variables machinery (Assign, scopes).</summary>
internal sealed partial class Stepper
{
    /// <summary>Makes the variables in scope of <paramref name="frame"/> visible as <c>$name</c>.</summary>
    private void BindJsonataVariables(Frame frame, JsonataBindings bindings)
    {
        _ = frame;
        _ = bindings;
    }

    /// <summary>Stores the values a JSONata Assign evaluated to, as the state exits.</summary>
    private void AssignJsonataVariables(Frame frame, State state, JsonObject variables)
    {
        _ = frame;
        _ = state;
        _ = variables;
    }
}
